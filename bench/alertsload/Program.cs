// bench/alertsload — see bench/alerts-fanout.sh.
//   dotnet AlertsLoad.dll signalr --url http://127.0.0.1:5097 --clients 5000 --server-pid 123 --label jiayuan
//   dotnet AlertsLoad.dll raw     --url http://127.0.0.1:5096 --clients 5000 --server-pid 456 --label node-ws
// Prints one JSON line with the results.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

var mode = args[0];
string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
var baseUrl = new Uri(Arg("--url", "http://127.0.0.1:5097"));
var clients = int.Parse(Arg("--clients", "1000"));
var serverPid = int.Parse(Arg("--server-pid", "0"));
var label = Arg("--label", mode);
var singles = int.Parse(Arg("--singles", "5"));
var burst = int.Parse(Arg("--burst", "20"));
const int MaxSeq = 64;
const char RS = '\u001e';

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
string? token = null;
long placeId = 0;
if (mode == "signalr")
{
    token = await LoginAsync(Arg("--responder", "lianfang"));
    var raiser = await LoginAsync(Arg("--raiser", "xinyuan"));
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", raiser);
    placeId = long.Parse(Arg("--place-id", "0"));
    if (placeId == 0)
    {
        // The area the responder covers (the demo's lianfang: 新园社区, on duty).
        using var r = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alerts/responders/me");
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await (await http.SendAsync(r)).Content.ReadFromJsonAsync<JsonElement>();
        placeId = me.GetProperty("areas")[0].GetProperty("placeId").GetInt64();
    }
}

async Task<string> LoginAsync(string login)
{
    var r = await http.PostAsJsonAsync("/api/v1/auth/login", new { login, password = "jiayuan2018" });
    r.EnsureSuccessStatusCode();
    return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

long Rss() => serverPid == 0 ? 0 : File.ReadLines($"/proc/{serverPid}/status").Where(l => l.StartsWith("VmRSS:")).Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault();

var received = new long[clients, MaxSeq];
var sockets = new ClientWebSocket[clients];
var wsUri = new UriBuilder(baseUrl) { Scheme = baseUrl.Scheme == "https" ? "wss" : "ws", Path = mode == "signalr" ? "/hubs/alerts" : "/", Query = token is null ? "" : "access_token=" + Uri.EscapeDataString(token) }.Uri;
var cts = new CancellationTokenSource();

async Task ConnectAsync(int i)
{
    var ws = new ClientWebSocket();
    ws.Options.KeepAliveInterval = TimeSpan.Zero;
    await ws.ConnectAsync(wsUri, CancellationToken.None);
    if (mode == "signalr")
    {
        await ws.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RS), WebSocketMessageType.Text, true, CancellationToken.None);
    }
    sockets[i] = ws;
    _ = Task.Run(() => ReceiveAsync(i, ws));
}

// Scans the received bytes for "bench#<seq>" without decoding them: the client must cost far less than the server it measures.
async Task ReceiveAsync(int i, ClientWebSocket ws)
{
    var buffer = new byte[16384];
    var marker = "bench#"u8.ToArray();
    try
    {
        while (!cts.IsCancellationRequested)
        {
            var r = await ws.ReceiveAsync(buffer.AsMemory(), cts.Token);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            var now = Stopwatch.GetTimestamp();
            var span = buffer.AsSpan(0, r.Count);
            int at;
            while ((at = span.IndexOf(marker)) >= 0)
            {
                span = span[(at + marker.Length)..];
                var seq = 0;
                var digits = 0;
                while (digits < span.Length && span[digits] is >= (byte)'0' and <= (byte)'9')
                {
                    seq = seq * 10 + (span[digits] - '0');
                    digits++;
                }
                if (digits > 0 && seq < MaxSeq && received[i, seq] == 0)
                {
                    received[i, seq] = now;
                }
            }
        }
    }
    catch (Exception) when (cts.IsCancellationRequested) { }
    catch (WebSocketException) { }
}

var rss0 = Rss();
var connectWatch = Stopwatch.StartNew();
var gate = new SemaphoreSlim(100);
var failures = 0;
await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
{
    await gate.WaitAsync();
    try { await ConnectAsync(i); }
    catch (Exception) { Interlocked.Increment(ref failures); }
    finally { gate.Release(); }
}));
var connectMs = connectWatch.ElapsedMilliseconds;
// SignalR closes a connection that sends nothing for 30 s: the clients ping every 10 s, like the browser client.
_ = Task.Run(async () =>
{
    var ping = Encoding.UTF8.GetBytes("{\"type\":6}" + RS);
    while (!cts.IsCancellationRequested && mode == "signalr")
    {
        await Task.Delay(10_000);
        foreach (var ws in sockets.Where(s => s?.State == WebSocketState.Open))
        {
            try { await ws.SendAsync(ping, WebSocketMessageType.Text, true, CancellationToken.None); } catch (Exception) { }
        }
    }
});
await Task.Delay(3000);
var rss1 = Rss();

var sent = new long[MaxSeq];
async Task<HttpStatusCodeResult> SendAsync(int seq)
{
    sent[seq] = Stopwatch.GetTimestamp();
    var r = mode == "signalr"
        ? await http.PostAsJsonAsync("/api/v1/alerts", new { kind = "Other", placeId, text = $"bench#{seq}" })
        : await http.PostAsync("/broadcast", new StringContent($"{{\"eventId\":{seq},\"text\":\"bench#{seq}\"}}"));
    return new HttpStatusCodeResult((int)r.StatusCode);
}

async Task WaitAsync(IEnumerable<int> seqs, TimeSpan timeout)
{
    var list = seqs.ToList();
    var until = Stopwatch.StartNew();
    while (until.Elapsed < timeout)
    {
        var missing = 0;
        for (var i = 0; i < clients; i++)
        {
            if (sockets[i] is null) continue;
            foreach (var s in list) if (received[i, s] == 0) missing++;
        }
        if (missing == 0) return;
        await Task.Delay(50);
    }
}

(double P50, double P99, double Max, long Delivered, long Expected) Stats(IEnumerable<int> seqs)
{
    var ms = new List<double>();
    long expected = 0;
    foreach (var s in seqs)
    {
        for (var i = 0; i < clients; i++)
        {
            if (sockets[i] is null) continue;
            expected++;
            if (received[i, s] != 0) ms.Add(Stopwatch.GetElapsedTime(sent[s], received[i, s]).TotalMilliseconds);
        }
    }
    ms.Sort();
    double P(double q) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
    return (Math.Round(P(0.5), 1), Math.Round(P(0.99), 1), Math.Round(ms.Count == 0 ? double.NaN : ms[^1], 1), ms.Count, expected);
}

// One warm-up alert (JIT, first queries), not measured.
await SendAsync(MaxSeq - 1);
await WaitAsync([MaxSeq - 1], TimeSpan.FromSeconds(10));
await Task.Delay(500);

// Single alerts, one at a time.
for (var s = 0; s < singles; s++)
{
    var status = await SendAsync(s);
    if (status.Code is not (200 or 201)) Console.Error.WriteLine($"POST → {status.Code}");
    await WaitAsync([s], TimeSpan.FromSeconds(10));
    await Task.Delay(500);
}
var single = Stats(Enumerable.Range(0, singles));

// A burst: `burst` alerts within one second.
var burstSeqs = Enumerable.Range(32, burst).ToList();
var posts = new List<Task<HttpStatusCodeResult>>();
var burstWatch = Stopwatch.StartNew();
foreach (var (s, k) in burstSeqs.Select((s, k) => (s, k)))
{
    var due = TimeSpan.FromMilliseconds(1000.0 * k / burst);
    if (burstWatch.Elapsed < due) await Task.Delay(due - burstWatch.Elapsed);
    posts.Add(SendAsync(s));
}
var codes = await Task.WhenAll(posts);
await WaitAsync(burstSeqs, TimeSpan.FromSeconds(20));
var burstStats = Stats(burstSeqs);

var result = new
{
    label, mode, clients, connected = clients - failures, connectSeconds = Math.Round(connectMs / 1000.0, 1),
    serverRssBeforeMb = Math.Round(rss0 / 1048576.0, 1), serverRssAfterMb = Math.Round(rss1 / 1048576.0, 1),
    bytesPerIdleConnection = clients - failures > 0 ? (rss1 - rss0) / (clients - failures) : 0,
    single = new { alerts = singles, p50Ms = single.P50, p99Ms = single.P99, maxMs = single.Max, delivered = single.Delivered, expected = single.Expected },
    burst = new { alerts = burst, p50Ms = burstStats.P50, p99Ms = burstStats.P99, maxMs = burstStats.Max, delivered = burstStats.Delivered, expected = burstStats.Expected,
        postFailures = codes.Count(c => c.Code is not (200 or 201)) },
};
Console.WriteLine(JsonSerializer.Serialize(result));
cts.Cancel();
return 0;

internal readonly record struct HttpStatusCodeResult(int Code);
