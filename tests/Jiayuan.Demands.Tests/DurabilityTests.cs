using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Jiayuan.Demands.Tests;

/// <summary>
/// A demand acknowledged with 201 is never lost: the real executable is killed (SIGKILL) in the middle of concurrent
/// submissions, restarted on the same database, and every acknowledged demand is there exactly once.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiayuan-kill-" + Guid.NewGuid().ToString("N"));

    public DurabilityTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(int port)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jiayuan.Web.dll"));
        psi.Environment["ConnectionStrings__Jiayuan"] = $"Data Source={Path.Combine(_dir, "kill.db")}";
        psi.Environment["DataDirectory"] = _dir;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["RateLimits__DemandsPerMinute"] = "1000000";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        for (var i = 0; i < 600; i++)
        {
            Assert.False(process.HasExited, "the server exited during start-up");
            try
            {
                if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail("the server did not become ready in 60 s");
    }

    [Fact]
    public async Task Killed_Mid_Submission_Loses_No_Acknowledged_Demand_And_Duplicates_None()
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var server = Start(port);
        var acknowledged = new ConcurrentDictionary<string, long>();
        try
        {
            await WaitReadyAsync(client, server);
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "jumin", password = JiayuanApp.DemoPassword });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

            using var stop = new CancellationTokenSource();
            var sent = 0;
            async Task SubmitLoopAsync(int worker)
            {
                while (!stop.IsCancellationRequested)
                {
                    var key = $"kill-{worker}-{Interlocked.Increment(ref sent)}";
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands")
                    {
                        Content = JsonContent.Create(new { category = "NOISE", description = "durability " + key, address = "府城社区" }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    try
                    {
                        using var response = await client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException or JsonException)
                    {
                        // The server died under us: not acknowledged, so not counted.
                        return;
                    }
                }
            }
            var workers = Enumerable.Range(0, 16).Select(SubmitLoopAsync).ToList();
            // Let submissions run, then kill the process without warning while they are in flight.
            while (acknowledged.Count < 200)
            {
                await Task.Delay(20);
                Assert.False(server.HasExited);
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(true);
            }
            server.Dispose();
        }

        // Restart on the same database: every acknowledged demand is there, once.
        var again = Start(port);
        try
        {
            client.DefaultRequestHeaders.Authorization = null;
            await WaitReadyAsync(client, again);
            await using var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, "kill.db")};Pooling=False");
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT \"Id\", \"Description\" FROM demands_demands WHERE \"Description\" LIKE 'durability %'";
            var stored = new Dictionary<string, List<long>>();
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var key = reader.GetString(1)["durability ".Length..];
                    (stored.TryGetValue(key, out var ids) ? ids : stored[key] = []).Add(reader.GetInt64(0));
                }
            }
            Assert.True(acknowledged.Count >= 200);
            foreach (var (key, id) in acknowledged)
            {
                Assert.True(stored.TryGetValue(key, out var ids), $"acknowledged demand {id} ({key}) was lost");
                Assert.Equal([id], ids);
            }
            Assert.All(stored, s => Assert.Single(s.Value));
        }
        finally
        {
            again.Kill(true);
            await again.WaitForExitAsync();
            again.Dispose();
        }
    }
}
