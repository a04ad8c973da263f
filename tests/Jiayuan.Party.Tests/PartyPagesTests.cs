using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

/// <summary>The staff pages add members, organizations and transfers: an app of their own, so the demo totals of other tests stay.</summary>
public sealed class PagesApp : JiayuanApp;

/// <summary>The Party staff pages post to the same services as the API: happy paths, rule messages beside the fields, 403 out of scope.</summary>
public partial class PartyPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts a page's form (the antiforgery token comes from <paramref name="tokenFrom"/>, the page itself by default).</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, string handler, (string Name, string Value)[] fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? url);
        var token = Antiforgery().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var data = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", handler) };
        data.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(data));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<long> JinchengBranchAsync() => app.WithDbAsync(db =>
        db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.Kind == OrgKind.Branch).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    private Task<PartyMember> MemberNamedAsync(string name) => app.WithDbAsync(db => db.Set<PartyMember>().AsNoTracking().SingleAsync(m => m.RealName == name));

    private static (string, string)[] MemberFields(string name, string id, string status, DateOnly admitted) =>
        [("Model.Name", name), ("Model.Gender", ""), ("Model.IdNumber", id), ("Model.Phone", "13912345678"), ("Model.Status", status),
         ("Model.AdmittedOn", Iso(admitted)), ("Model.WorkUnit", "金城社区居委会")];

    [Fact]
    public async Task AddMember_BadIdKeepsInput_ThenConvertAndExtendOnTheMemberPage()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var org = await JinchengBranchAsync();
        var url = $"/party/orgs/{org}/members/new";

        // A wrong check digit: the message beside the field, what was typed kept, nothing saved.
        var good = ImportTests.NewId();
        var bad = good[..17] + (good[17] == '1' ? "2" : "1");
        var (status, html) = await PostAsync(secretary, url, "member", MemberFields("页面党员甲", bad, "Probationary", Today.AddMonths(-13)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("身份证号无效", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面党员甲\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{bad}\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<PartyMember>().AnyAsync(m => m.RealName == "页面党员甲")));

        (status, html) = await PostAsync(secretary, url, "member", MemberFields("页面党员甲", good, "Probationary", Today.AddMonths(-13)));
        Assert.Contains("党员已添加", html, StringComparison.Ordinal);
        var member = await MemberNamedAsync("页面党员甲");
        Assert.Equal(MemberStatus.Probationary, member.Status);

        // The member page shows the ID and phone masked, never in full.
        var memberUrl = $"/party/members/{member.Id}";
        var page = await secretary.GetStringAsync(memberUrl);
        Assert.Contains(member.IdNumberMasked!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(good, page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);

        // Probation is over: conversion is recorded.
        (_, html) = await PostAsync(secretary, memberUrl, "convert", []);
        Assert.Contains("已转为正式党员", html, StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Full, (await MemberNamedAsync("页面党员甲")).Status);

        // A member admitted two months ago: conversion refused with the date, extension 6–12 months and only once.
        await PostAsync(secretary, url, "member", MemberFields("页面党员乙", ImportTests.NewId(), "Probationary", Today.AddMonths(-2)));
        var second = await MemberNamedAsync("页面党员乙");
        var secondUrl = $"/party/members/{second.Id}";
        (_, html) = await PostAsync(secretary, secondUrl, "convert", []);
        Assert.Contains("预备期至 " + Iso(second.ProbationEndsOn), html, StringComparison.Ordinal);
        (_, html) = await PostAsync(secretary, secondUrl, "extend", [("Ext.Months", "3")]);
        Assert.Contains("6 至 12 个月", html, StringComparison.Ordinal);
        Assert.Contains("value=\"3\"", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(secretary, secondUrl, "extend", [("Ext.Months", "6")]);
        Assert.Contains("预备期已延长", html, StringComparison.Ordinal);
        Assert.Equal(second.ProbationEndsOn.AddMonths(6), (await MemberNamedAsync("页面党员乙")).ProbationEndsOn);
        (_, html) = await PostAsync(secretary, secondUrl, "extend", [("Ext.Months", "6")]);
        Assert.Contains("预备期只能延长一次", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScopeSecretary_Gets403_AndNothingIsSaved()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var own = await JinchengBranchAsync();
        var fucheng = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/002/") && o.Kind == OrgKind.Branch).OrderBy(o => o.Id).FirstAsync());
        var fuchengMember = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.OrganizationId == fucheng.Id).Select(m => m.Id).FirstAsync());

        foreach (var url in new[] { $"/party/orgs/{fucheng.Id}/members/new", $"/party/orgs/{fucheng.Id}/new", $"/party/orgs/{fucheng.Id}/committee",
            $"/party/orgs/{fucheng.Id}/points", $"/party/members/{fuchengMember}", $"/party/transfers?scope={Known.Fucheng}", $"/party/dual-registration?scope={Known.Fucheng}" })
        {
            var response = await secretary.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var (status, html) = await PostAsync(secretary, $"/party/orgs/{fucheng.Id}/members/new", "member",
            MemberFields("越权党员", ImportTests.NewId(), "Full", new DateOnly(2000, 7, 1)), tokenFrom: $"/party/orgs/{own}/members/new");
        // The refused page renders no form, so the post is turned away before the handler runs (400, or 403 when it does run).
        Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden });
        Assert.DoesNotContain("党员已添加", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<PartyMember>().AnyAsync(m => m.RealName == "越权党员")));
        var before = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == fuchengMember).Select(m => m.UpdatedAt).SingleAsync());
        (status, _) = await PostAsync(secretary, $"/party/members/{fuchengMember}", "convert", [], tokenFrom: $"/party/orgs/{own}/members/new");
        Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden });
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == fuchengMember).Select(m => m.UpdatedAt).SingleAsync()));
    }

    [Fact]
    public async Task CreateOrganization_JointRuleMessage_ThenCommitteeRule()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var parent = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath == "/510107063/004" && o.Kind == OrgKind.Committee).Select(o => new { o.Id, o.PlaceId }).FirstAsync());
        var url = $"/party/orgs/{parent.Id}/new";
        Assert.Contains(url, await secretary.GetStringAsync($"/party/orgs/{parent.Id}"), StringComparison.Ordinal); // the organization page links here

        // Six units for a joint branch: the rule's message, the name and units kept.
        var six = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"页面联建单位{i}"));
        (string, string)[] Fields(string name, string kind, string units) =>
            [("Model.Name", name), ("Model.Kind", kind), ("Model.Mode", "Joint"), ("Model.TwoNew", "NonPublicEnterprise"),
             ("Model.Place", parent.PlaceId.ToString(CultureInfo.InvariantCulture)), ("Model.FoundedOn", Iso(Today.AddDays(-10))), ("Model.Units", units)];
        var (_, html) = await PostAsync(secretary, url, "organization", Fields("页面联合支部", "JointBranch", six));
        Assert.Contains("联合党支部覆盖 2 至 5 个单位", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面联合支部\"", html, StringComparison.Ordinal);
        Assert.Contains("页面联建单位6", html, StringComparison.Ordinal);

        (_, html) = await PostAsync(secretary, url, "organization", Fields("页面联合支部", "JointBranch", string.Join("\n", six.Split('\n')[..3])));
        Assert.Contains("党组织已建立", html, StringComparison.Ordinal);
        var created = await app.WithDbAsync(db => db.Set<PartyOrganization>().AsNoTracking().SingleAsync(o => o.Name == "页面联合支部"));
        Assert.Equal((OrgKind.JointBranch, FormationMode.Joint, 3), (created.Kind, created.FormationMode, created.CoveredUnits));

        // No members yet: a committee is refused (needs 7 full members), a secretary alone is recorded with the election.
        var committeeUrl = $"/party/orgs/{created.Id}/committee";
        (_, html) = await PostAsync(secretary, committeeUrl, "committee", [("Model.Secretary", "页面书记"), ("Model.HasCommittee", "true"), ("Model.LastElection", Iso(Today.AddDays(-3)))]);
        Assert.Contains("正式党员 7 名以上", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面书记\"", html, StringComparison.Ordinal);
        Assert.Null((await app.WithDbAsync(db => db.Set<PartyOrganization>().AsNoTracking().SingleAsync(o => o.Id == created.Id))).Secretary);
        (_, html) = await PostAsync(secretary, committeeUrl, "committee", [("Model.Secretary", "页面书记"), ("Model.Deputy", "页面副书记"), ("Model.LastElection", Iso(Today.AddDays(-3)))]);
        Assert.Contains("支委会信息已保存", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.Set<PartyOrganization>().AsNoTracking().SingleAsync(o => o.Id == created.Id));
        Assert.Equal(("页面书记", "页面副书记", Today.AddDays(-3)), (saved.Secretary, saved.DeputySecretary, saved.LastElectionOn));
        Assert.Equal(Today.AddDays(-3).AddYears(5), saved.ElectionDue); // it covers the community: a 5-year term
        Assert.Contains("应于 " + Iso(saved.ElectionDue) + " 换届", html, StringComparison.Ordinal);

        // A plain branch without members: its committee page shows the ≥3 full members rule.
        var courtyard = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.PlaceKind == "Courtyard").Select(o => o.PlaceId).FirstAsync());
        (_, html) = await PostAsync(secretary, url, "organization", [("Model.Name", "页面院落第三支部"), ("Model.Kind", "Branch"), ("Model.Place", courtyard.ToString(CultureInfo.InvariantCulture))]);
        Assert.Contains("党组织已建立", html, StringComparison.Ordinal);
        var branch = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Name == "页面院落第三支部").Select(o => o.Id).SingleAsync());
        Assert.Contains("党支部须有正式党员 3 名以上（《支部工作条例》第四条），现有 0 名", await secretary.GetStringAsync($"/party/orgs/{branch}/committee"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_IssuedOnMemberPage_RejectNeedsNote_AcceptedOnTransfersPage_OverdueFlagged()
    {
        var sender = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063005"));
        var receiver = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063006"));
        var member = await app.WithDbAsync(db => db.Set<PartyMember>().AsNoTracking().Where(m => m.PlacePath.StartsWith("/510107063/005/")).OrderBy(m => m.Id).FirstAsync());
        var to = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/006/") && o.Kind == OrgKind.Branch).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var memberUrl = $"/party/members/{member.Id}";

        var (_, html) = await PostAsync(sender, memberUrl, "transfer", [("Move.To", to.ToString(CultureInfo.InvariantCulture)), ("Move.Reason", "")]);
        Assert.Contains("请填写原因", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(sender, memberUrl, "transfer", [("Move.To", to.ToString(CultureInfo.InvariantCulture)), ("Move.Reason", "迁居盛和社区")]);
        Assert.Contains("介绍信已开具", html, StringComparison.Ordinal);
        Assert.Contains("待接收", html, StringComparison.Ordinal);
        var transfer = await app.WithDbAsync(db => db.Set<Transfer>().AsNoTracking().SingleAsync(t => t.MemberId == member.Id && t.Status == TransferStatus.Pending));

        // An older letter, past its validity, is flagged on the receiving side.
        var old = await app.WithDbAsync(db => db.Set<PartyMember>().AsNoTracking().Where(m => m.PlacePath.StartsWith("/510107063/005/")).OrderBy(m => m.Id).Skip(1).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            db.Add(new Transfer
            {
                MemberId = old.Id, MemberName = old.RealName, FromOrganizationId = old.OrganizationId, FromPlacePath = old.PlacePath, ToOrganizationId = to,
                ToPlacePath = (await db.Set<PartyOrganization>().FirstAsync(o => o.Id == to)).PlacePath, Reason = "逾期测试", Status = TransferStatus.Pending,
                IssuedOn = Today.AddMonths(-4), ValidUntil = Today.AddMonths(-1), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var listUrl = "/party/transfers?scope=510107063006";
        var list = await receiver.GetStringAsync(listUrl);
        Assert.Contains(member.RealName, list, StringComparison.Ordinal);
        Assert.Matches(new Regex("<tr class=\"overdue\">.*?" + Regex.Escape(old.RealName), RegexOptions.Singleline), list);
        Assert.Contains("已逾期", list, StringComparison.Ordinal);

        var id = transfer.Id.ToString(CultureInfo.InvariantCulture);
        (_, html) = await PostAsync(receiver, listUrl, "decide", [("Model.Transfer", id), ("Model.Note", ""), ("Model.Action", "reject")]);
        Assert.Contains("请填写原因", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(receiver, listUrl, "decide", [("Model.Transfer", id), ("Model.Note", "欢迎"), ("Model.Action", "accept")]);
        Assert.Contains("已接收；该党员现属接收党组织", html, StringComparison.Ordinal);
        Assert.Equal(to, (await app.WithDbAsync(db => db.Set<PartyMember>().AsNoTracking().SingleAsync(m => m.Id == member.Id))).OrganizationId);
        // The overdue letter cannot be accepted; the message names its expiry.
        (_, html) = await PostAsync(receiver, listUrl, "decide", [("Model.Transfer", (await app.WithDbAsync(db => db.Set<Transfer>().Where(t => t.Reason == "逾期测试").Select(t => t.Id).SingleAsync())).ToString(CultureInfo.InvariantCulture)), ("Model.Action", "accept")]);
        Assert.Contains(Iso(Today.AddMonths(-1)), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DualRegistration_ReportPostClaimEvaluate_OnTheCommunityPage()
    {
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var url = $"/party/dual-registration?scope={Known.Fucheng}";
        var page = await worker.GetStringAsync(url);
        Assert.Contains("未报到", page, StringComparison.Ordinal);
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/party/dual-registration?scope={Known.Fucheng}");
        var missing = view.GetProperty("notReported")[0];
        var memberId = missing.GetProperty("memberId").GetInt64();

        var (_, html) = await PostAsync(worker, url, "report", [("Rep.Who", "m" + memberId.ToString(CultureInfo.InvariantCulture))]);
        Assert.Contains("报到已登记", html, StringComparison.Ordinal);
        var after = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/party/dual-registration?scope={Known.Fucheng}");
        var report = after.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetInt64() == memberId);

        // A post with no places is refused beside the field, the title kept; then added with two.
        (_, html) = await PostAsync(worker, url, "post", [("Post.Title", "页面岗位：楼道巡查"), ("Post.Slots", "0")]);
        Assert.Contains("岗位名额为 1 至 1000 个", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面岗位：楼道巡查\"", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(worker, url, "post", [("Post.Title", "页面岗位：楼道巡查"), ("Post.Slots", "2")]);
        Assert.Contains("岗位已加入需求清单", html, StringComparison.Ordinal);
        var posts = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/party/service-posts?scope={Known.Fucheng}");
        var postId = posts.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "页面岗位：楼道巡查").GetProperty("id").GetInt64();

        (string, string)[] claim = [("Claim.Post", postId.ToString(CultureInfo.InvariantCulture)), ("Claim.Member", memberId.ToString(CultureInfo.InvariantCulture))];
        (_, html) = await PostAsync(worker, url, "claim", claim);
        Assert.Contains("岗位已认领", html, StringComparison.Ordinal);
        Assert.Contains("已认领 1 / 2", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(worker, url, "claim", claim);
        Assert.Contains("该党员已认领此岗位", html, StringComparison.Ordinal);

        (_, html) = await PostAsync(worker, url, "evaluation", [("Eval.Report", report.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)), ("Eval.Grade", "")]);
        Assert.Contains("请选择评价等次", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(worker, url, "evaluation", [("Eval.Report", report.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)), ("Eval.Grade", "Excellent"), ("Eval.Note", "积极参加巡查")]);
        Assert.Contains("评价已登记", html, StringComparison.Ordinal);
        Assert.Equal(EvaluationGrade.Excellent, await app.WithDbAsync(db => db.Set<DualReport>().Where(d => d.MemberId == memberId).Select(d => d.Evaluation).SingleAsync()));
    }

    [Fact]
    public async Task PointsRules_EditedByStaff_PointsAndStudyHoursRecorded_YearlyView()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var (_, html) = await PostAsync(admin, "/party/points", "rule", [("Model.Item", "页面积分项"), ("Model.Points", "0"), ("Model.Cap", "6")]);
        Assert.Contains("不能为 0", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面积分项\"", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(admin, "/party/points", "rule", [("Model.Item", "页面积分项"), ("Model.Points", "3"), ("Model.Cap", "6")]);
        Assert.Contains("项目已保存", html, StringComparison.Ordinal);
        var rule = await app.WithDbAsync(db => db.Set<PointRule>().AsNoTracking().SingleAsync(r => r.Item == "页面积分项"));
        Assert.Equal((3, 6), (rule.Points, rule.YearlyCap));

        // A secretary sees the table without the editing form; a post is refused.
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var secretaryView = await secretary.GetStringAsync("/party/points");
        Assert.Contains("页面积分项", secretaryView, StringComparison.Ordinal);
        Assert.DoesNotContain("保存项目", secretaryView, StringComparison.Ordinal);

        var member = await app.WithDbAsync(db => db.Set<PartyMember>().AsNoTracking().Where(m => m.PlacePath.StartsWith("/510107063/001/") && !m.IsCommitteeMember).OrderBy(m => m.Id).Skip(10).FirstAsync());
        var memberUrl = $"/party/members/{member.Id}";
        var ruleId = rule.Id.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 2; i++)
        {
            (_, html) = await PostAsync(secretary, memberUrl, "points", [("Award.Rule", ruleId), ("Award.Note", "页面")]);
            Assert.Contains("积分已登记", html, StringComparison.Ordinal);
        }
        (_, html) = await PostAsync(secretary, memberUrl, "points", [("Award.Rule", ruleId)]);
        Assert.Contains("年度上限 6 分已达到", html, StringComparison.Ordinal);

        (_, html) = await PostAsync(secretary, memberUrl, "study", [("Study.Hours", "30"), ("Study.On", Iso(Today)), ("Study.Topic", "页面学习")]);
        Assert.Contains("0.5 到 24 学时", html, StringComparison.Ordinal);
        Assert.Contains("value=\"页面学习\"", html, StringComparison.Ordinal);
        (_, html) = await PostAsync(secretary, memberUrl, "study", [("Study.Hours", "4.5"), ("Study.On", Iso(Today)), ("Study.Topic", "页面学习")]);
        Assert.Contains("学时已登记", html, StringComparison.Ordinal);
        var expectedHours = await app.WithDbAsync(async db => (await db.Set<StudyRecord>().Where(s => s.MemberId == member.Id && s.Year == Today.Year).Select(s => s.Hours).ToListAsync()).Sum());
        Assert.Contains($"学时：{expectedHours.ToString("0.#", CultureInfo.InvariantCulture)} / 32", html, StringComparison.Ordinal);

        var year = await secretary.GetStringAsync($"/party/orgs/{member.OrganizationId}/points");
        Assert.Matches(new Regex(Regex.Escape(member.RealName) + "</a></td><td>-?\\d+</td><td>" + Regex.Escape(expectedHours.ToString("0.#", CultureInfo.InvariantCulture)) + "</td>\\s*<td>32</td>"), year);
    }
}
