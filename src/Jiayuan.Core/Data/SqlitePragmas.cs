using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiayuan.Core.Data;

/// <summary>
/// WAL and a busy timeout on every SQLite connection, so readers never block the writer and writers wait instead of failing;
/// synchronous=FULL so that a committed write (an acknowledged demand) survives a power cut, not only a crash (decision 0005).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        cmd.ExecuteNonQuery();
    }
}
