// Poll votes at scale (issue #6): N eligible voters cast within a minute; every vote counted exactly once; p99 per vote.
// Usage: dotnet run -c Release -- [voters=10000] [seconds=50] [maxInFlight=64]
// The app runs on Kestrel on a fresh SQLite database with the demo seeded (the test host, Testing environment, logging at
// warnings); the voters are created directly in the database (no passwords) and get bearer tokens minted in-process,
// because logging 10,000 people in (PBKDF2) would measure the password hash, not the vote. Votes are sent open-loop at
// an even rate over the window, at most maxInFlight at a time, each by a distinct voter; then 1,000 repeats must all be
// refused (409) and leave the count unchanged.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var voters = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 50;
var maxInFlight = args.Length > 2 ? int.Parse(args[2]) : 64;

await using var app = new JiayuanApp().OnKestrel().With("Logging:LogLevel:Default", "Warning").With("Logging:LogLevel:Microsoft", "Warning");
await app.InitializeAsync();
var baseUri = app.ServerAddress;
Console.WriteLine($"[poll] app on {baseUri}");

// 1. Voters: residents of 新园社区 (the poll's electorate is the community's subtree).
var sw = Stopwatch.StartNew();
var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<JiayuanDbContext>();
    for (var start = 0; start < voters; start += 1000)
    {
        for (var i = start; i < Math.Min(voters, start + 1000); i++)
        {
            var name = $"bench{i:D6}";
            db.Users.Add(new AppUser
            {
                UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = "基准" + i, SecurityStamp = Guid.NewGuid().ToString("N"),
                HomePlaceId = xinyuan, CreatedAt = app.Clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
var ids = await app.WithDbAsync(db => db.Users.Where(u => u.UserName!.StartsWith("bench")).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync());
Console.WriteLine($"[poll] {ids.Count} voters created in {sw.Elapsed.TotalSeconds:F1} s");

// 2. Bearer tokens, minted the way the login endpoint's handler does (same protector, same principal factory).
sw.Restart();
var tokens = new string[ids.Count];
{
    var bearer = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
    await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await users.FindByIdAsync(ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var principal = await factory.CreateAsync(user!);
        var identity = new ClaimsIdentity(principal.Claims, IdentityConstants.BearerScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddHours(2) }, IdentityConstants.BearerScheme);
        tokens[i] = bearer.BearerTokenProtector.Protect(ticket);
    });
}
Console.WriteLine($"[poll] tokens minted in {sw.Elapsed.TotalSeconds:F1} s");

// 3. The poll, opened by the community worker.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxInFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseUri };
var staffLogin = await http.PostAsJsonAsync("/api/v1/auth/login", new { login = Known.XinyuanWorker, password = JiayuanApp.DemoPassword });
var staffToken = (await staffLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/consultation/polls")
{
    Content = JsonContent.Create(new { placeId = xinyuan, title = "基准：一万人投票", kind = "SingleChoice", options = new[] { "甲", "乙", "丙", "丁" }, liveResults = true }),
};
create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staffToken);
var created = await http.SendAsync(create);
created.EnsureSuccessStatusCode();
var poll = await created.Content.ReadFromJsonAsync<JsonElement>();
var pollId = poll.GetProperty("poll").GetProperty("id").GetInt64();
var options = poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();
var electorate = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{pollId}")).GetProperty("results").GetProperty("electorate").GetInt32();
Console.WriteLine($"[poll] poll {pollId}, electorate {electorate}");

async Task<(HttpStatusCode Status, double Ms)> VoteAsync(int i)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation/polls/{pollId}/votes")
    {
        Content = JsonContent.Create(new { options = new[] { options[i % options.Length] } }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
    var t = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    return (response.StatusCode, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}

// Warm-up: 50 voters (not measured, but counted: they vote once like everybody else).
const int warm = 50;
for (var i = 0; i < warm; i++)
{
    await VoteAsync(i);
}

// 4. Open-loop arrivals at an even rate over the window, at most maxInFlight outstanding.
var gate = new SemaphoreSlim(maxInFlight);
var results = new (HttpStatusCode Status, double Ms)[ids.Count - warm];
var interval = TimeSpan.FromSeconds(seconds) / (ids.Count - warm);
var tasks = new List<Task>(ids.Count);
sw.Restart();
var start0 = Stopwatch.GetTimestamp();
for (var n = 0; n < ids.Count - warm; n++)
{
    var due = interval * n;
    var wait = due - Stopwatch.GetElapsedTime(start0);
    if (wait > TimeSpan.FromMilliseconds(1))
    {
        await Task.Delay(wait);
    }
    await gate.WaitAsync();
    var k = n;
    tasks.Add(Task.Run(async () =>
    {
        try
        {
            results[k] = await VoteAsync(k + warm);
        }
        finally
        {
            gate.Release();
        }
    }));
}
await Task.WhenAll(tasks);
var window = sw.Elapsed;

// 5. Every vote counted once: the API's count, the ballots in the database, and 1,000 repeats all refused.
var repeats = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => VoteAsync(i * 7 % ids.Count)));
var detail = await http.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{pollId}");
var counted = detail.GetProperty("results").GetProperty("ballots").GetInt32();
var optionSum = detail.GetProperty("results").GetProperty("options").EnumerateArray().Sum(o => o.GetProperty("votes").GetInt64());
Task<int> CountRows(string table) => app.WithDbAsync(db => db.Database
    .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {table} WHERE \"PollId\" = {{0}}", pollId).SingleAsync());
var participations = await CountRows("consultation_poll_participations");
var ballots = await CountRows("consultation_poll_ballots");

var ms = results.Select(r => r.Ms).Order().ToArray();
double P(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
var created201 = results.Count(r => r.Status == HttpStatusCode.Created) + warm;
var ok = created201 == ids.Count && counted == ids.Count && optionSum == ids.Count && participations == ids.Count && ballots == ids.Count
    && repeats.All(r => r.Status == HttpStatusCode.Conflict) && window < TimeSpan.FromMinutes(1);
Console.WriteLine($"""
## Poll votes at scale, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

- machine: nproc {Environment.ProcessorCount}; SQLite (WAL); the app and this load client in one process on Kestrel (loopback HTTP/1.1)
- poll: single choice, 4 options, electorate = 新园社区 subtree ({electorate} eligible, of whom {ids.Count} bench voters), live results
- load: {ids.Count} distinct voters, {warm} warm-up votes then {ids.Count - warm} open-loop at an even rate over {seconds} s, at most {maxInFlight} in flight; bearer tokens minted in-process
- window: all votes done in {window.TotalSeconds:F1} s (target: within 60 s); throughput {(ids.Count - warm) / window.TotalSeconds:F0} votes/s
- latency per vote (ms): p50 {P(0.50):F1}, p90 {P(0.90):F1}, p99 {P(0.99):F1}, max {ms[^1]:F1} (target: p99 ≤ 200 ms)
- statuses: {string.Join(", ", results.GroupBy(r => (int)r.Status).Select(g => $"{g.Key} × {g.Count()}"))} (+ {warm} warm-up: {created201 - results.Count(r => r.Status == HttpStatusCode.Created)} created)
- counted once: API ballots {counted}, sum over options {optionSum}, participations {participations}, ballots {ballots} (expected {ids.Count} each)
- 1,000 repeated votes by voters who had voted: {string.Join(", ", repeats.GroupBy(r => (int)r.Status).Select(g => $"{g.Key} × {g.Count()}"))}
- verdict: {(ok ? "PASS" : "FAIL")}{(P(0.99) <= 200 ? "" : " (p99 above 200 ms)")}
""");
return ok ? 0 : 1;
