using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

/// <summary>These tests add and cancel members: an app of their own, so the demo totals of other tests stay.</summary>
public sealed class MemberPageApp : JiayuanApp;

/// <summary>
/// The member page's newer actions: cancelling a probationary membership (取消预备党员资格), the audited unmasking of the ID number
/// and phone, and the pledges page (公开承诺) the member page links to.
/// </summary>
public partial class MemberCancellationTests(MemberPageApp app) : IClassFixture<MemberPageApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, string handler, (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Antiforgery().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var data = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", handler) };
        data.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(data));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<long> JinchengBranchAsync() => app.WithDbAsync(db =>
        db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.Kind == OrgKind.Branch).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    /// <summary>Adds a member to the organization through the API; returns its id.</summary>
    private static async Task<long> AddMemberAsync(HttpClient secretary, long org, string name, string id, string status, DateOnly admitted, string phone = "13912345678")
    {
        var response = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{org}/members",
            new { name, idNumber = id, phone, status, admittedOn = Iso(admitted), fullSince = status == "Full" ? Iso(admitted.AddYears(1)) : null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> StatsAsync(HttpClient client, string scope) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/party/stats?scope={scope}&year=2018");

    [Fact]
    public async Task Cancel_IsRefused_ForAFullMember_OutOfScope_ForAReader_AndWithoutDateOrReason()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var org = await JinchengBranchAsync();
        var full = await AddMemberAsync(secretary, org, "取消甲", ImportTests.NewId(), "Full", new DateOnly(2000, 7, 1));
        var probationer = await AddMemberAsync(secretary, org, "取消乙", ImportTests.NewId(), "Probationary", Today.AddMonths(-3));
        var body = new { decidedOn = Iso(Today), reason = "支部大会决定" };

        var refused = await secretary.PostAsJsonAsync($"/api/v1/party/members/{full}/cancel", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能取消预备党员的预备党员资格", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fuchengSecretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        Assert.Equal(HttpStatusCode.NotFound, (await fuchengSecretary.PostAsJsonAsync($"/api/v1/party/members/{probationer}/cancel", body)).StatusCode);
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Jincheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/party/members/{probationer}/cancel", body)).StatusCode);

        var noReason = await secretary.PostAsJsonAsync($"/api/v1/party/members/{probationer}/cancel", new { decidedOn = Iso(Today), reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写取消预备党员资格的原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await secretary.PostAsJsonAsync($"/api/v1/party/members/{probationer}/cancel", new { decidedOn = Iso(Today.AddDays(2)), reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var beforeAdmission = await secretary.PostAsJsonAsync($"/api/v1/party/members/{probationer}/cancel", new { decidedOn = Iso(Today.AddMonths(-4)), reason = "x" });
        Assert.Contains("不能早于接收为预备党员的日期", await beforeAdmission.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var statuses = await app.WithDbAsync(db => db.Set<PartyMember>().IgnoreQueryFilters().Where(m => m.Id == full || m.Id == probationer).Select(m => m.Status).ToListAsync());
        Assert.DoesNotContain(MemberStatus.Cancelled, statuses);
        Assert.False(await app.WithDbAsync(db => db.Set<MemberCancellation>().AnyAsync(c => c.MemberId == full || c.MemberId == probationer)));
    }

    [Fact]
    public async Task CancelOnTheMemberPage_RecordsIt_AndThePersonLeavesStatisticsRosterAndPledges()
    {
        var login = await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng);
        var secretary = await app.LoginAsync(login);
        var org = await JinchengBranchAsync();
        var idNumber = ImportTests.NewId();
        var member = await AddMemberAsync(secretary, org, "取消丙", idNumber, "Probationary", Today.AddMonths(-5));
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member}/pledges",
            new { text = "每月为楼栋老人代购一次", publicConsent = true })).StatusCode);
        Assert.Contains("每月为楼栋老人代购一次", await secretary.GetStringAsync($"/api/v1/party/pledges?scope={Known.Jincheng}"), StringComparison.Ordinal);

        var anonymous = app.Anonymous();
        var before = await StatsAsync(anonymous, Known.Subdistrict);
        var jinchengBefore = await StatsAsync(anonymous, Known.Jincheng);
        var orgBefore = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Id == org).Select(o => o.MemberCount).SingleAsync());

        // Bad input: the message beside the field, the date typed kept, nothing changed.
        var url = $"/party/members/{member}";
        var (status, html) = await PostAsync(secretary, url, "cancel", [("Cancel.DecidedOn", Iso(Today)), ("Cancel.Reason", "")]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请填写取消预备党员资格的原因", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Iso(Today)}\"", html, StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("members").GetInt32(), (await StatsAsync(anonymous, Known.Subdistrict)).GetProperty("members").GetInt32());

        (status, html) = await PostAsync(secretary, url, "cancel", [("Cancel.DecidedOn", Iso(Today.AddDays(-1))), ("Cancel.Reason", "预备期间不履行党员义务")]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("已取消预备党员资格，此人不再计入党员", html, StringComparison.Ordinal);
        Assert.Contains("预备期间不履行党员义务", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_handler\" value=\"transfer\"", html, StringComparison.Ordinal); // no more actions on a former member

        var record = await app.WithDbAsync(db => db.Set<MemberCancellation>().AsNoTracking().SingleAsync(c => c.MemberId == member));
        Assert.Equal(Today.AddDays(-1), record.DecidedOn);
        Assert.Equal(org, record.OrganizationId);
        Assert.Equal(login, record.RecordedByName);
        Assert.NotNull(record.RecordedByUserId);

        // Statistics: one member fewer for the subdistrict and the community, and exactly the members the database holds.
        var after = await StatsAsync(anonymous, Known.Subdistrict);
        Assert.Equal(before.GetProperty("members").GetInt32() - 1, after.GetProperty("members").GetInt32());
        Assert.Equal(jinchengBefore.GetProperty("members").GetInt32() - 1, (await StatsAsync(anonymous, Known.Jincheng)).GetProperty("members").GetInt32());
        var counted = await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m =>
            db.Set<PartyOrganization>().Any(o => o.Id == m.OrganizationId && (o.PlacePath == "/510107063" || o.PlacePath.StartsWith("/510107063/")))));
        Assert.Equal(counted, after.GetProperty("members").GetInt32());
        Assert.Equal(orgBefore - 1, await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Id == org).Select(o => o.MemberCount).SingleAsync()));
        Assert.Equal(before.GetProperty("organizations").GetInt32(), after.GetProperty("organizations").GetInt32());

        // The roster (API and page) no longer lists the person; their page stays, with the record; the pledge is no longer public.
        var detail = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{org}");
        Assert.DoesNotContain(detail.GetProperty("members").EnumerateArray(), m => m.GetProperty("id").GetInt64() == member);
        Assert.Equal(orgBefore - 1, detail.GetProperty("organization").GetProperty("members").GetInt32());
        Assert.DoesNotContain("取消丙", await secretary.GetStringAsync($"/party/orgs/{org}"), StringComparison.Ordinal);
        Assert.Contains("已取消预备党员资格", await secretary.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("每月为楼栋老人代购一次", await secretary.GetStringAsync($"/api/v1/party/pledges?scope={Known.Jincheng}"), StringComparison.Ordinal);

        // Cancelled once: a second cancellation or a conversion is refused by the rule; adding the same ID again says why.
        var again = await secretary.PostAsJsonAsync($"/api/v1/party/members/{member}/cancel", new { decidedOn = Iso(Today), reason = "再次" });
        Assert.Contains("只能取消预备党员的预备党员资格", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var readd = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{org}/members", new { name = "取消丙", idNumber, status = "Probationary", admittedOn = Iso(Today) });
        Assert.Equal(HttpStatusCode.BadRequest, readd.StatusCode);
        Assert.Contains("已被取消预备党员资格的人员", await readd.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The roster import's duplicate check sees the former member too, and says so for the row.
        var orgName = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Id == org).Select(o => o.Name).SingleAsync());
        var dry = await (await secretary.PostAsync($"/api/v1/party/members/import?scope={Known.Jincheng}&dryRun=true",
            ImportTests.Workbook([ImportTests.Row("取消丙", idNumber, "预备党员", Iso(Today.AddMonths(-1)), null, orgName)]))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, dry.GetProperty("valid").GetInt32());
        Assert.Contains("已被取消预备党员资格的人员", dry.GetProperty("problems")[0].GetProperty("errors").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unmask_OnTheMemberPage_IsAudited_AndAReaderCannotUnmask()
    {
        var login = await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng);
        var secretary = await app.LoginAsync(login);
        var org = await JinchengBranchAsync();
        var idNumber = ImportTests.NewId();
        var member = await AddMemberAsync(secretary, org, "脱敏丁", idNumber, "Full", new DateOnly(2001, 7, 1), phone: "13987654321");
        var url = $"/party/members/{member}";

        var page = await secretary.GetStringAsync(url);
        Assert.Contains("显示完整身份证号和手机号（记入审计）", page, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, page, StringComparison.Ordinal);
        var (status, html) = await PostAsync(secretary, url, "unmask", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(idNumber, html, StringComparison.Ordinal);
        Assert.Contains("13987654321", html, StringComparison.Ordinal);
        Assert.Contains("本次查看已记入审计日志", html, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "unmask" && a.EntityType == nameof(PartyMember) && a.EntityId == member.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(login, entry.UserName);

        // The API does the same.
        var unmasked = await secretary.PostAsync($"/api/v1/party/members/{member}/unmask", null);
        Assert.Equal("13987654321", (await unmasked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "unmask" && a.EntityId == member.ToString(CultureInfo.InvariantCulture))));

        // A community worker reads the member page (masked) but may not unmask: no button, 403, nothing audited for them.
        var workerLogin = await app.CreateUserAsync(Role.CommunityWorker, Known.Jincheng);
        var worker = await app.LoginAsync(workerLogin);
        var workerPage = await worker.GetStringAsync(url);
        Assert.DoesNotContain("显示完整身份证号和手机号", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, workerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync($"/api/v1/party/members/{member}/unmask", null)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "unmask" && a.UserName == workerLogin)));
    }

    [Fact]
    public async Task PledgesPage_RecordsThePledge_ThenProgressFulfilmentAndConsent()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var org = await JinchengBranchAsync();
        var member = await AddMemberAsync(secretary, org, "承诺戊", ImportTests.NewId(), "Full", new DateOnly(2005, 7, 1));
        Assert.Contains($"/party/members/{member}/pledges", await secretary.GetStringAsync($"/party/members/{member}"), StringComparison.Ordinal);
        var url = $"/party/members/{member}/pledges";
        var publicUrl = $"/api/v1/party/pledges?scope={Known.Jincheng}";

        // No text: the message, the consent kept, nothing saved.
        var (status, html) = await PostAsync(secretary, url, "pledge", [("New.Year", Today.Year.ToString(CultureInfo.InvariantCulture)), ("New.Text", ""), ("New.Consent", "true")]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请填写承诺内容", html, StringComparison.Ordinal);
        Assert.Matches("type=\"checkbox\"[^>]*checked", html);
        Assert.False(await app.WithDbAsync(db => db.Set<Pledge>().AnyAsync(p => p.MemberId == member)));

        (_, html) = await PostAsync(secretary, url, "pledge", [("New.Year", Today.Year.ToString(CultureInfo.InvariantCulture)), ("New.Text", "认领楼栋垃圾分类督导岗"), ("New.Consent", "true")]);
        Assert.Contains("承诺已登记", html, StringComparison.Ordinal);
        var pledge = await app.WithDbAsync(db => db.Set<Pledge>().AsNoTracking().SingleAsync(p => p.MemberId == member));
        Assert.True(pledge.PublicConsent);
        Assert.Equal(Today.Year, pledge.Year);
        Assert.Contains("认领楼栋垃圾分类督导岗", await app.Anonymous().GetStringAsync(publicUrl), StringComparison.Ordinal);
        var pledgeId = pledge.Id.ToString(CultureInfo.InvariantCulture);

        // Progress out of range: the message, the typed value kept.
        (_, html) = await PostAsync(secretary, url, "progress", [("Progress.PledgeId", pledgeId), ("Progress.Percent", "150"), ("Progress.Consent", "true")]);
        Assert.Contains("进度为 0 到 100 的百分数", html, StringComparison.Ordinal);
        Assert.Contains("value=\"150\"", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(secretary, url, "progress", [("Progress.PledgeId", pledgeId), ("Progress.Percent", "60"), ("Progress.Note", "已督导 8 次"), ("Progress.Consent", "true")]);
        Assert.Contains("进度已保存", html, StringComparison.Ordinal);
        pledge = await app.WithDbAsync(db => db.Set<Pledge>().AsNoTracking().SingleAsync(p => p.MemberId == member));
        Assert.Equal((60, "已督导 8 次", false, true), (pledge.Progress, pledge.ProgressNote, pledge.Fulfilled, pledge.PublicConsent));

        // Fulfilled, and the member withdraws consent: 100 %, no longer on the community page.
        (_, html) = await PostAsync(secretary, url, "progress", [("Progress.PledgeId", pledgeId), ("Progress.Percent", "80"), ("Progress.Fulfilled", "true")]);
        Assert.Contains("进度已保存", html, StringComparison.Ordinal);
        pledge = await app.WithDbAsync(db => db.Set<Pledge>().AsNoTracking().SingleAsync(p => p.MemberId == member));
        Assert.Equal((100, true, false), (pledge.Progress, pledge.Fulfilled, pledge.PublicConsent));
        Assert.DoesNotContain("认领楼栋垃圾分类督导岗", await app.Anonymous().GetStringAsync(publicUrl), StringComparison.Ordinal);

        // A pledge of another member cannot be changed through this page; a community worker sees the pledges but no form.
        var other = await AddMemberAsync(secretary, org, "承诺己", ImportTests.NewId(), "Full", new DateOnly(2005, 7, 1));
        (_, html) = await PostAsync(secretary, $"/party/members/{other}/pledges", "pledge", [("New.Year", Today.Year.ToString(CultureInfo.InvariantCulture)), ("New.Text", "别人的承诺")]);
        Assert.Contains("承诺已登记", html, StringComparison.Ordinal);
        var otherPledge = await app.WithDbAsync(db => db.Set<Pledge>().AsNoTracking().Where(p => p.MemberId == other).Select(p => p.Id).SingleAsync());
        await PostAsync(secretary, url, "progress", [("Progress.PledgeId", otherPledge.ToString(CultureInfo.InvariantCulture)), ("Progress.Percent", "10")]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Pledge>().Where(p => p.Id == otherPledge).Select(p => p.Progress).SingleAsync()));
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Jincheng));
        var workerPage = await worker.GetStringAsync(url);
        Assert.Contains("认领楼栋垃圾分类督导岗", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("保存进度", workerPage, StringComparison.Ordinal);
        var fuchengSecretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await fuchengSecretary.GetAsync(url)).StatusCode);
    }
}
