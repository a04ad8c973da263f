using Npgsql;

namespace Jiayuan.Testing;

/// <summary>
/// One database for several app instances (the scale-out tests): a fresh PostgreSQL database when JIAYUAN_TEST_PG is set,
/// else one SQLite file in a temp directory. Dropped on dispose.
/// </summary>
public sealed class SharedDatabase : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiayuan-tests", "shared-" + Guid.NewGuid().ToString("N"));
    private readonly string? _pg = Environment.GetEnvironmentVariable("JIAYUAN_TEST_PG");
    private readonly string _pgDatabase = "jy_shared_" + Guid.NewGuid().ToString("N")[..8];

    public string ConnectionString { get; private set; } = "";

    public async Task CreateAsync()
    {
        Directory.CreateDirectory(_dir);
        if (string.IsNullOrEmpty(_pg))
        {
            ConnectionString = $"Data Source={Path.Combine(_dir, "shared.db")}";
            return;
        }
        await using var conn = new NpgsqlConnection(_pg);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
        await cmd.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(_pg) { Database = _pgDatabase }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (!string.IsNullOrEmpty(_pg))
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pg);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS cleans temp.
        }
    }
}
