using System.Diagnostics;
using System.Net.Sockets;
using Jiayuan.Alerts.Contracts;
using Npgsql;
using StackExchange.Redis;

namespace Jiayuan.Alerts.Tests;

/// <summary>
/// Two app instances sharing one database (PostgreSQL when JIAYUAN_TEST_PG is set, else one SQLite file) and one real
/// redis-server: SignalR's Redis backplane carries alerts between them and the Data Protection keys in Redis make a token of
/// A valid on B. Redis comes from JIAYUAN_TEST_REDIS (scripts/test.sh starts it) or is started here from /usr/bin/redis-server.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiayuan-tests", "scaleout-" + Guid.NewGuid().ToString("N"));
    private readonly string? _pg = Environment.GetEnvironmentVariable("JIAYUAN_TEST_PG");
    private readonly string _pgDatabase = "jy_shared_" + Guid.NewGuid().ToString("N")[..8];
    private AlertsApp _a = default!;
    private AlertsApp _b = default!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        Directory.CreateDirectory(_dir);
        string connection;
        if (!string.IsNullOrEmpty(_pg))
        {
            await using var conn = new NpgsqlConnection(_pg);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
            await cmd.ExecuteNonQueryAsync();
            connection = new NpgsqlConnectionStringBuilder(_pg) { Database = _pgDatabase }.ConnectionString;
        }
        else
        {
            connection = $"Data Source={Path.Combine(_dir, "shared.db")}";
        }
        var prefix = "jiayuan-test-" + Guid.NewGuid().ToString("N")[..8];
        AlertsApp Instance() => (AlertsApp)new AlertsApp().With("ConnectionStrings:Jiayuan", connection).With("Redis:Connection", _redis.Endpoint)
            .With("Redis:ChannelPrefix", prefix);
        _a = Instance();
        await _a.InitializeAsync(); // migrates and seeds the shared database
        _b = Instance();
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task RaisedOnA_ReachesB_AndAClientMovedFromAToB_ResumesWithoutMissingAnything()
    {
        var guardOnA = await _a.ResponderAsync(Known.Xinyuan, "新园联防队");
        var team = await _a.ResponderAsync(Known.Xinyuan, "新园联防队");
        var resident = await _a.ResidentAsync();

        // The token issued by A works on B: the Data Protection keys are shared through Redis.
        await using var onB = await team.ConnectAsync(_b.ServerAddress);
        var onA = await guardOnA.ConnectAsync(_a.ServerAddress);

        var first = await resident.RaiseAsync(Known.Xinyuan + "-01", AlertKind.Fight, "A 上报");
        await onB.RaisedAsync(first.Id);
        await onA.RaisedAsync(first.Id);
        var last = onA.LastEventId;

        // A stops; the guard's client moves to B. Meanwhile B carries on.
        await onA.DisposeAsync();
        await _a.DisposeAsync();
        var residentOnB = new Person(resident.Login, await _b.SignInAsync(resident.Login), resident.Token, _b);
        var second = await residentOnB.RaiseAsync(Known.Xinyuan + "-02", AlertKind.Fire, "B 上报");
        var teamOnB = new Person(team.Login, await _b.SignInAsync(team.Login), team.Token, _b);
        var ack = await teamOnB.Http.PostAsJsonAsync($"/api/v1/alerts/{first.Id}/responses", new { status = "OnMyWay", etaMinutes = 2 });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await onB.RaisedAsync(second.Id);

        var guardOnB = new Person(guardOnA.Login, await _b.SignInAsync(guardOnA.Login), guardOnA.Token, _b);
        await using var moved = await guardOnB.ConnectAsync(_b.ServerAddress);
        var missed = await moved.ResumeAsync(last);
        Assert.Equal([$"{second.Id}:Raised", $"{first.Id}:OnMyWay"],
            missed.Select(m => m.Raised is { } r ? $"{r.Id}:Raised" : $"{m.Updated!.AlertId}:{m.Updated.Type}"));
        Assert.Equal(missed.Select(m => m.EventId).Order(), missed.Select(m => m.EventId));
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
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

/// <summary>A real redis-server: the one scripts/test.sh started (JIAYUAN_TEST_REDIS), else one started here on a free port.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    public string Endpoint { get; private set; } = "";

    public async Task StartAsync()
    {
        if (Environment.GetEnvironmentVariable("JIAYUAN_TEST_REDIS") is { Length: > 0 } given)
        {
            Endpoint = given;
            return;
        }
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run scripts/test.sh (it installs Debian's redis-server) or apt-get install redis-server.");
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _process = Process.Start(new ProcessStartInfo(binary, ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.BeginOutputReadLine();
        Endpoint = $"127.0.0.1:{port}";
        for (var i = 0; ; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Endpoint);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (i < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
