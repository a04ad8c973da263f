using System.Diagnostics;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Jiayuan.Testing;

/// <summary>A real redis-server: the one scripts/test.sh started (JIAYUAN_TEST_REDIS), else one started here on a free port.</summary>
public sealed class RedisServer : IAsyncDisposable
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
