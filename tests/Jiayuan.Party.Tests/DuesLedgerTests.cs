using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

/// <summary>Dues bases, uses and the account change members and money of a branch: an app of its own.</summary>
public sealed class DuesApp : JiayuanApp;

public class DuesLedgerTests(DuesApp app) : IClassFixture<DuesApp>
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(app.Clock);

    private string Month(int offset) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The nth courtyard branch of a community and its employed members (full, admitted before this year).</summary>
    private Task<(long OrgId, List<long> Members)> BranchAsync(string communityPath, int skip) => app.WithDbAsync(async db =>
    {
        var org = await db.Set<PartyOrganization>().Where(o => o.Kind == OrgKind.Branch && o.PlacePath.StartsWith(communityPath + "/") && o.PlaceKind == "Courtyard")
            .OrderBy(o => o.Id).Skip(skip).FirstAsync();
        var yearStart = new DateOnly(Today.Year, 1, 1);
        var members = await db.Set<PartyMember>().Where(m => m.OrganizationId == org.Id && m.DuesCategory == DuesCategory.Employed && m.AdmittedOn < yearStart)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        return (org.Id, members);
    });

    [Fact]
    public async Task Snapshot_GivesTheArticleAmounts_AndAMidYearChangeWaitsForNextYear()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var (orgId, members) = await BranchAsync("/510107063/004", 1);
        foreach (var (memberId, @base, monthly) in new[] { (members[0], 5400m, 81.00m), (members[1], 9500m, 142.50m), (members[2], 11500m, 230.00m) })
        {
            var declared = await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/dues-base", new { @base, category = "Employed" });
            Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
            var body = await declared.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(monthly, body.GetProperty("monthly").GetDecimal());
            Assert.Equal(Today.Year, body.GetProperty("year").GetInt32());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("note").ValueKind);
        }

        // A raise in the middle of the year: the member's base changes, this year's amount does not; next year's snapshot takes it.
        var raised = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[0]}/dues-base", new { @base = 12000m })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(81.00m, raised.GetProperty("monthly").GetDecimal());
        Assert.Equal(5400m, raised.GetProperty("base").GetDecimal());
        Assert.Contains("81.00", raised.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(12000m, await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == members[0]).Select(m => m.DuesBase).FirstAsync()));
        var paid = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[0]}/dues-payments", new { months = new[] { Month(0) } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(81.00m, paid.GetProperty("monthlyAmount").GetDecimal());
        var next = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[0]}/dues-base", new { @base = 12000m, year = Today.Year + 1 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(240.00m, next.GetProperty("monthly").GetDecimal());

        var ledger = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/dues");
        var row = ledger.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetInt64() == members[0]);
        Assert.Equal(5400m, row.GetProperty("base").GetDecimal());
        Assert.Equal(81.00m, row.GetProperty("monthly").GetDecimal());
        Assert.True(row.GetProperty("fixed").GetBoolean());

        // Years other than this one and the next, negative or over-precise bases are refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[1]}/dues-base", new { @base = 5000m, year = Today.Year - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[1]}/dues-base", new { @base = 5000.123m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[1]}/dues-base", new { @base = -1m })).StatusCode);
    }

    [Fact]
    public async Task Payment_WithoutASnapshot_FixesTheYearFromTheCurrentBase()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var (_, members) = await BranchAsync("/510107063/004", 2);
        var memberId = members[0];
        var member = await app.WithDbAsync(db => db.Set<PartyMember>().FirstAsync(m => m.Id == memberId));
        var paid = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/dues-payments", new { months = new[] { Month(0) } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Domain.Dues.Monthly(member.DuesBase, member.DuesCategory), paid.GetProperty("monthlyAmount").GetDecimal());
        var snapshot = await app.WithDbAsync(db => db.Set<DuesBaseSnapshot>().SingleAsync(s => s.MemberId == memberId && s.Year == Today.Year));
        Assert.Equal(member.DuesBase, snapshot.Base);

        // A later raise does not change what the ledger asks for this year, nor a back-payment within the year.
        await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/dues-base", new { @base = member.DuesBase + 20000m });
        var (orgId, _) = await BranchAsync("/510107063/004", 2);
        var row = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/dues")).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetInt64() == memberId);
        Assert.Equal(snapshot.Monthly, row.GetProperty("monthly").GetDecimal());
        if (Today.Month > 1)
        {
            var again = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/dues-payments", new { months = new[] { Month(-1) } })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(snapshot.Monthly, again.GetProperty("monthlyAmount").GetDecimal());
        }
    }

    [Fact]
    public async Task Uses_AndTheAccount_AddUp_AndThePublishedReportShowsThem()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var (orgId, members) = await BranchAsync("/510107063/002", 1);
        var before = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/dues")).GetProperty("account");

        // Field rules: at most two decimals, not in the future, a purpose, a note for "other".
        async Task<JsonElement> RefusedAsync(object body)
        {
            var r = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/dues-uses", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        Assert.True((await RefusedAsync(new { spentOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = 1.234m, purpose = "MemberEducation" })).TryGetProperty("amount", out _));
        Assert.True((await RefusedAsync(new { spentOn = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = 10m, purpose = "MemberEducation" })).TryGetProperty("spentOn", out _));
        Assert.True((await RefusedAsync(new { spentOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = 10m })).TryGetProperty("purpose", out _));
        Assert.True((await RefusedAsync(new { spentOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = 10m, purpose = "Other" })).TryGetProperty("note", out _));

        var monthly = (await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{members[0]}/dues-payments", new { months = new[] { Month(0) } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetDecimal();
        var date = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/dues-uses", new { spentOn = date, amount = 50m, purpose = "RemittedToHigher" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/dues-uses", new { spentOn = date, amount = 20.25m, purpose = "Other", note = "购买学习资料" })).StatusCode);

        var ledger = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/dues");
        var after = ledger.GetProperty("account");
        Assert.Equal(before.GetProperty("received").GetDecimal() + monthly, after.GetProperty("received").GetDecimal());
        Assert.Equal(before.GetProperty("used").GetDecimal() + 70.25m, after.GetProperty("used").GetDecimal());
        Assert.Equal(after.GetProperty("openingBalance").GetDecimal() + after.GetProperty("received").GetDecimal() - after.GetProperty("used").GetDecimal(),
            after.GetProperty("balance").GetDecimal());
        // Received is every payment for the year's months, straight from the records.
        var yearStart = new DateOnly(Today.Year, 1, 1);
        var fromDb = (await app.WithDbAsync(db => db.Set<DuesPayment>().Where(p => p.OrganizationId == orgId && p.Month >= yearStart && p.Month < yearStart.AddYears(1)).Select(p => p.Amount).ToListAsync())).Sum();
        Assert.Equal(fromDb, after.GetProperty("received").GetDecimal());
        Assert.Contains(ledger.GetProperty("uses").EnumerateArray(), u => u.GetProperty("purpose").GetString() == "Other" && u.GetProperty("note").GetString() == "购买学习资料");

        var report = await (await secretary.PostAsync($"/api/v1/party/organizations/{orgId}/dues-report", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(after.GetProperty("balance").GetDecimal(), report.GetProperty("balance").GetDecimal());
        Assert.Equal(after.GetProperty("used").GetDecimal(), report.GetProperty("used").GetDecimal());
        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{report.GetProperty("noticeId").GetInt64()}");
        Assert.Equal("PartyAffairs", notice.GetProperty("board").GetString());
        var html = notice.GetProperty("bodyHtml").GetString()!;
        string Yuan(string name) => after.GetProperty(name).GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains($"本年收缴</th><td>{Yuan("received")} 元", html, StringComparison.Ordinal);
        Assert.Contains($"本年使用</th><td>{Yuan("used")} 元", html, StringComparison.Ordinal);
        Assert.Contains($"年末结余</th><td>{Yuan("balance")} 元", html, StringComparison.Ordinal);
        Assert.Contains("上缴上级党委：50.00 元", html, StringComparison.Ordinal);
        Assert.Contains("其他：20.25 元", html, StringComparison.Ordinal);

        // Staff of another community neither see nor record.
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/party/organizations/{orgId}/dues")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/dues-uses", new { spentOn = date, amount = 1m, purpose = "MemberEducation" })).StatusCode);
        // A community worker in scope sees the ledger but does not record.
        var worker = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/party/organizations/{orgId}/dues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/dues-uses", new { spentOn = date, amount = 1m, purpose = "MemberEducation" })).StatusCode);
    }

    private static string Token(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<string> PostFormAsync(HttpClient client, string url, string form, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var data = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(page)), new("_handler", form) };
        data.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task DuesPage_ShowsTheLedger_AndItsFormsWork()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var (orgId, members) = await BranchAsync("/510107063/001", 1);
        var url = $"/party/orgs/{orgId}/dues";
        var page = await secretary.GetStringAsync(url);
        Assert.Contains("党费", page, StringComparison.Ordinal);
        Assert.Contains("上年结余", page, StringComparison.Ordinal);
        Assert.Contains("登记党费使用", page, StringComparison.Ordinal);

        // The base form: 9500 gives 142.50 for the year; the member's row shows it fixed.
        var id = members[0].ToString(CultureInfo.InvariantCulture);
        var declared = await PostFormAsync(secretary, url, "dues-base", ("Base.MemberId", id), ("Base.Year", Today.Year.ToString(CultureInfo.InvariantCulture)), ("Base.Base", "9500"), ("Base.Category", "Employed"));
        Assert.Contains("142.50", declared, StringComparison.Ordinal);
        Assert.Contains("已核定为每月 142.50 元", await PostFormAsync(secretary, url, "dues-base", ("Base.MemberId", id), ("Base.Year", Today.Year.ToString(CultureInfo.InvariantCulture)), ("Base.Base", "20000"), ("Base.Category", "Employed")), StringComparison.Ordinal);

        // The payment form: a month too far back is refused beside the field, the typed months are kept.
        var tooOld = await PostFormAsync(secretary, url, "dues-pay", ("Pay.MemberId", id), ("Pay.Months", Month(-7)));
        Assert.Contains("党费补交最长不超过 6 个月", tooOld, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Month(-7)}\"", tooOld, StringComparison.Ordinal);
        // Last month and this one at the year's 142.50 (in January last month belongs to last year, fixed from the current base, 20000 → 400.00).
        var total = Today.Month > 1 ? "285.00" : "542.50";
        Assert.Contains("已登记 " + Month(-1) + ", " + Month(0) + "：" + total + " 元", await PostFormAsync(secretary, url, "dues-pay", ("Pay.MemberId", id), ("Pay.Months", Month(-1) + "，" + Month(0))), StringComparison.Ordinal);

        // The use form: a bad amount is refused and kept; a good one is listed.
        var bad = await PostFormAsync(secretary, url, "dues-use", ("Use.SpentOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Use.Amount", "12.345"), ("Use.Purpose", "HardshipRelief"), ("Use.Note", "慰问老党员"));
        Assert.Contains("最多两位小数", bad, StringComparison.Ordinal);
        Assert.Contains("value=\"12.345\"", bad, StringComparison.Ordinal);
        var good = await PostFormAsync(secretary, url, "dues-use", ("Use.SpentOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Use.Amount", "300.50"), ("Use.Purpose", "HardshipRelief"), ("Use.Note", "慰问老党员"));
        Assert.Contains("已登记党费使用：300.50 元", good, StringComparison.Ordinal);
        Assert.Contains("慰问老党员", good, StringComparison.Ordinal);

        // Fixing the year snapshots every member that has none.
        await PostFormAsync(secretary, url, "dues-fix", ("Fix.Year", Today.Year.ToString(CultureInfo.InvariantCulture)));
        var all = await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m => m.OrganizationId == orgId));
        Assert.Equal(all, await app.WithDbAsync(db => db.Set<DuesBaseSnapshot>().CountAsync(s => s.Year == Today.Year && db.Set<PartyMember>().Any(m => m.Id == s.MemberId && m.OrganizationId == orgId))));

        // Publishing puts the account on the board and links it.
        var published = await PostFormAsync(secretary, url, "dues-publish", ("Publish.Year", Today.Year.ToString(CultureInfo.InvariantCulture)));
        var noticeId = long.Parse(Regex.Match(published, "href=\"/notices/(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{noticeId}");
        Assert.Contains("慰问困难党员：300.50 元", notice.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        // Another year by the query; a malformed one shows the current year; a past year cannot be fixed any more.
        var past = await secretary.GetStringAsync($"{url}?year={Today.Year - 1}");
        Assert.Contains($"{Today.Year - 1} 年度党费账目", past, StringComparison.Ordinal);
        Assert.DoesNotContain("按当前基数核定", past, StringComparison.Ordinal);
        Assert.Contains($"{Today.Year} 年度党费账目", await secretary.GetStringAsync($"{url}?year=abc"), StringComparison.Ordinal);

        // Out of scope: a 403 page, no ledger; a resident likewise.
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var refused = await other.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("上年结余", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Sanyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(url)).StatusCode);
    }
}
