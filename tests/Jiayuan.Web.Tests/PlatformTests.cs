using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Tests;

public class PlatformTests(JiayuanApp app)
{
    [Fact]
    public async Task CommunityHome_SignedIn_UnderParallelLoad_AlwaysRenders()
    {
        // Signed-in pages are not output-cached; their home sections render concurrently and must not share a DbContext.
        var client = await app.LoginAsync(Known.Resident);
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/c/" + Known.Fucheng)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Healthz_And_Readyz_Answer200()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.1", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/notices/{id}", out _));
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await app.Anonymous().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_NotJson_Is400ProblemInChinese()
    {
        var client = await app.LoginAsync(Known.FuchengWorker);
        var response = await client.PostAsync("/api/v1/notices", new StringContent("title=abc", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("请求", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_UnknownIsRefused_KnownSetsCookieAndEnglishErrors()
    {
        var client = app.Anonymous();
        var unknown = await client.GetAsync("/culture/xx-YY?returnUrl=/");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var switched = await client.GetAsync("/culture/en?returnUrl=/c/510107063002");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/c/510107063002", switched.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync("/c/510107063002");
        Assert.Contains("Notices", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", page, StringComparison.Ordinal);

        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone = "123" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("mobile number", problem.GetProperty("errors").GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_ChineseIsTheDefault()
    {
        var page = await app.Anonymous().GetStringAsync("/c/510107063002");
        Assert.Contains("lang=\"zh-CN\"", page, StringComparison.Ordinal);
        Assert.Contains("公示", page, StringComparison.Ordinal);
        Assert.Contains("English", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdempotencyKey_Retry_ReturnsFirstResultWithoutDuplicate()
    {
        var client = await app.LoginAsync(Known.FuchengWorker);
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        var key = Guid.NewGuid().ToString();
        var title = "幂等测试 " + key;
        Task<HttpResponseMessage> Post() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { placeId, board = "ResidentAffairs", title, bodyHtml = "<p>一次</p>" }),
        });
        var first = await Post();
        var second = await Post();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM notices_notices WHERE \"Title\" = {0}", title).SingleAsync()));

        // The same key with another body is a client error, not a silent replay.
        var other = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { placeId, board = "ResidentAffairs", title = title + "!", bodyHtml = "<p>二次</p>" }),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task Audit_RecordsWrites_AndUnmaskingIsAudited()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=13800000007");
        var row = users.GetProperty("items")[0];
        Assert.Equal("138****0007", row.GetProperty("phone").GetString());
        var id = row.GetProperty("id").GetInt64();

        var unmasked = await (await admin.PostAsync($"/api/v1/admin/users/{id}/unmask", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13800000007", unmasked.GetProperty("phone").GetString());

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=unmask");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("entityId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && a.GetProperty("userName").GetString() == Known.SubdistrictAdmin);

        var creates = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=create&entityType=Notice");
        Assert.True(creates.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task Unmask_WithoutPermission_IsRefused()
    {
        var worker = await app.LoginAsync(Known.FuchengWorker);
        var response = await worker.PostAsync("/api/v1/admin/users/1/unmask", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public class IdempotencyJanitorTests
{
    [Fact]
    public async Task UnansweredClaim_IsRetriedWith409_ThenTakenOverAfterTwoMinutes()
    {
        // A first request whose process died leaves a claim without an answer. Retries get 409 while it may still be
        // running, then the retry runs for real instead of waiting a day for the janitor; it creates exactly once.
        await using var app = new JiayuanApp();
        await app.InitializeAsync();
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        var client = await app.LoginAsync(Known.FuchengWorker);
        var title = "接管 " + Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { placeId, board = "Property", title, bodyHtml = "<p>x</p>" });
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("/api/v1/notices?" + body)));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Known.FuchengWorker).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new Core.Http.IdempotencyRecord
            {
                Key = "died", Caller = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Path = "/api/v1/notices",
                RequestHash = hash, CreatedAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        Task<HttpResponseMessage> Post() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices")
        {
            Headers = { { "Idempotency-Key", "died" } },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.Conflict, (await Post()).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var retried = await Post();
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var again = await Post();
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM notices_notices WHERE \"Title\" = {0}", title).SingleAsync()));
    }

    [Fact]
    public async Task Purge_DropsRecordsOlderThanADay_KeepsRecentOnes()
    {
        await using var app = new JiayuanApp();
        await app.InitializeAsync();
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        async Task PostAsync(string key) => (await (await app.LoginAsync(Known.FuchengWorker)).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { placeId, board = "Property", title = "幂等清理 " + key, bodyHtml = "<p>x</p>" }),
        })).EnsureSuccessStatusCode();
        await PostAsync("old");
        app.Clock.Advance(TimeSpan.FromHours(25));
        await PostAsync("new");
        var janitor = app.Services.GetRequiredService<Core.Http.IdempotencyJanitor>();
        Assert.Equal(1, await janitor.PurgeAsync(TestContext.Current.CancellationToken));
        var keys = await app.WithDbAsync(db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(["new"], keys);
    }
}
