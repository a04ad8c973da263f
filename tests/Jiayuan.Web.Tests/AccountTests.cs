using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Tests;

public partial class AccountTests(JiayuanApp app)
{
    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex CodeRegex();

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private async Task<string> CodeFromOutboxAsync(string phone)
    {
        var admin = await app.LoginAsync(Known.SystemAdmin);
        var outbox = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/outbox");
        var masked = phone[..3] + "****" + phone[^4..];
        var message = outbox.EnumerateArray().First(m => m.GetProperty("recipient").GetString() == masked).GetProperty("body").GetString()!;
        return CodeRegex().Match(message).Groups[1].Value;
    }

    [Fact]
    public async Task Register_WithCodeFromOutbox_CreatesAccountThatLogsInByPhone()
    {
        var client = app.Anonymous();
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone })).StatusCode);
        var code = await CodeFromOutboxAsync(phone);
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { phone, code, password = "abc12345", realName = "王小明", idNumber = "11010519491231002x" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var me = await (await app.LoginAsync(phone, "abc12345")).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(phone[..3] + "****" + phone[^4..], me.GetProperty("phone").GetString());
        Assert.Equal("110***********002X", me.GetProperty("idNumber").GetString());
        Assert.Equal("王**", me.GetProperty("realName").GetString());

        // At rest the phone is cipher text, found by its keyed hash.
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == me.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(phone, stored.PhoneCipher!, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", stored.IdNumberCipher!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WrongCode_IsRefusedWithFieldError()
    {
        var client = app.Anonymous();
        var phone = NewPhone();
        await client.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone });
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { phone, code = "000000x", password = "abc12345" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("验证码", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1381234567")]
    [InlineData("abc")]
    public async Task SmsCode_BadPhone_IsLocalizedFieldError(string phone)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/sms-code", new { phone });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("11", problem.GetProperty("errors").GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_BadIdCheckDigit_IsRefusedAndNothingStored()
    {
        var client = app.Anonymous();
        var phone = NewPhone();
        await client.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone });
        var code = await CodeFromOutboxAsync(phone);
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { phone, code, password = "abc12345", idNumber = "110105194912310021" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
        var count = await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == phone));
        Assert.Equal(0, count);
        // The code was not consumed by the refused attempt: the resident can fix the ID and retry.
        var retry = await client.PostAsJsonAsync("/api/v1/auth/register", new { phone, code, password = "abc12345" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_401_AndSixthTryIsLockedOut()
    {
        var login = await app.CreateUserAsync(Core.Identity.Role.Resident, Known.Fucheng);
        var client = app.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            var r = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password = "wrong-pass1" });
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("invalid-credentials", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password = "wrong-pass1" });
        var sixth = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password = JiayuanApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        var problem = await sixth.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("locked-out", problem.GetProperty("code").GetString());
        Assert.Contains("锁定", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ByPhone_Works()
    {
        var client = await app.LoginAsync("13800000003");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("fucheng", me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Token_Garbage_Is401WithProblem()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Profile_Update_KeepsStoredDataOnBadId()
    {
        var login = await app.CreateUserAsync(Core.Identity.Role.Resident, Known.Fucheng);
        var client = await app.LoginAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me", new { displayName = "小王", realName = "王小明", idNumber = "11010519491231002X" })).StatusCode);
        var bad = await client.PutAsJsonAsync("/api/v1/me", new { displayName = "改了", idNumber = "110105194912310021" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("小王", me.GetProperty("displayName").GetString());
        Assert.Equal("110***********002X", me.GetProperty("idNumber").GetString());
    }
}

/// <summary>Tests that move the clock or change limits get an app of their own.</summary>
public class ExpiryAndLimitTests
{
    [Fact]
    public async Task Token_Expired_Is401()
    {
        await using var app = new JiayuanApp();
        await app.InitializeAsync();
        var client = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(9));
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_OverRateLimit_Is429WithRetryAfter()
    {
        await using var app = new JiayuanApp().With("RateLimits:LoginPerMinute", "3");
        await app.InitializeAsync();
        var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "x" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
        Assert.Contains("秒", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public partial class PasswordTests(JiayuanApp app)
{
    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex CodeRegex();

    [Fact]
    public async Task ChangePassword_WrongCurrent_IsFieldError_RightOneWorks()
    {
        var login = await app.CreateUserAsync(Core.Identity.Role.Resident, Known.Fucheng);
        var client = await app.LoginAsync(login);
        var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "nope12345", newPassword = "newpass123" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = JiayuanApp.DemoPassword, newPassword = "newpass123" })).StatusCode);
        await app.LoginAsync(login, "newpass123");
    }

    [Fact]
    public async Task ResetPassword_WithPhoneCode_SetsNewPassword_WrongCodeRefused()
    {
        var phone = "136" + Random.Shared.Next(10_000_000, 99_999_999);
        var anon = app.Anonymous();
        await anon.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone });
        var admin = await app.LoginAsync(Known.SystemAdmin);
        string Code(JsonElement outbox) => CodeRegex().Match(outbox.EnumerateArray().First(m => m.GetProperty("recipient").GetString() == phone[..3] + "****" + phone[^4..]).GetProperty("body").GetString()!).Groups[1].Value;
        var code = Code(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/outbox"));
        Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync("/api/v1/auth/register", new { phone, code, password = "first1234" })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await anon.PostAsJsonAsync("/api/v1/auth/reset-password", new { phone, code = "000000", newPassword = "second123" })).StatusCode);

        // A new code may be sent a minute after the last one.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Accepted, (await anon.PostAsJsonAsync("/api/v1/auth/sms-code", new { phone })).StatusCode);
        var resetCode = Code(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/outbox"));
        Assert.Equal(HttpStatusCode.NoContent, (await anon.PostAsJsonAsync("/api/v1/auth/reset-password", new { phone, code = resetCode, newPassword = "second123" })).StatusCode);
        await app.LoginAsync(phone, "second123");

        var unknown = await anon.PostAsJsonAsync("/api/v1/auth/reset-password", new { phone = "13500000000", code = "123456", newPassword = "second123" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("验证码", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_GivesANewAccessToken_GarbageIsRefused()
    {
        var client = app.Anonymous();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { login = Known.FuchengWorker, password = JiayuanApp.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "garbage" })).StatusCode);
    }
}
