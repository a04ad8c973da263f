using Microsoft.Playwright;

namespace Jiayuan.E2E;

/// <summary>Owners' decision (业主表决): an owner votes online, staff enter paper ballots, the tally says which threshold failed.</summary>
public class ConsultationJourneyTests(BrowserFixture fx)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);


    [Fact]
    public async Task OwnerVotesOnline_StaffEnterPaperBallots_TallyNamesTheFailedThreshold()
    {
        // 居小民 owns a flat in 新园社区's first courtyard: from the community page to the decision, and an online vote.
        var owner = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(owner, Known.Resident);
        await owner.GotoAsync("/c/" + Known.Xinyuan);
        await owner.GetByRole(AriaRole.Link, new() { Name = "使用专项维修资金更换2栋电梯" }).First.ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "使用专项维修资金更换2栋电梯" })).ToBeVisibleAsync();
        await Expect(owner.Locator("#verdict")).ToContainTextAsync("参与表决的业主未达到三分之二");
        await owner.GetByLabel("同意").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "提交表决票" }).ClickAsync();
        await Expect(owner.Locator("#ballot-message")).ToContainTextAsync("您的表决票已计入");
        await Expect(owner.GetByText("您的表决票已计入：同意")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(owner, "40-owner-voted-online");
        var url = owner.Url;

        // The community worker enters a paper ballot, then the same ballot number again: refused, counted once.
        var staff = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(staff, Known.XinyuanWorker);
        await staff.GotoAsync(url);
        var onlineBefore = await staff.Locator("#tally tbody tr").Nth(1).InnerTextAsync();
        await staff.GetByLabel("表决票编号").FillAsync("XY01-100");
        await staff.GetByLabel("业主", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await staff.GetByLabel("表决意见").SelectOptionAsync("No");
        await staff.GetByRole(AriaRole.Button, new() { Name = "录入表决票" }).ClickAsync();
        await Expect(staff.Locator("#ballot-message")).ToContainTextAsync("纸质表决票 XY01-100 号已计入");
        Assert.NotEqual(onlineBefore, await staff.Locator("#tally tbody tr").Nth(1).InnerTextAsync());

        await staff.GetByLabel("表决票编号").FillAsync("XY01-100");
        await staff.GetByLabel("业主", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await staff.GetByLabel("表决意见").SelectOptionAsync("Yes");
        await staff.GetByRole(AriaRole.Button, new() { Name = "录入表决票" }).ClickAsync();
        await Expect(staff.Locator("#ballot-message")).ToContainTextAsync("不能重复计票");

        // The tally names the failed threshold with its figures: 12 of 22 owners took part, two thirds (15) are required.
        await Expect(staff.Locator("#reasons")).ToContainTextAsync("参与表决的业主人数未达到：22 名业主中仅 12 名参与，须三分之二以上（15 名）");
        await BrowserFixture.ShotAsync(staff, "41-staff-paper-ballot-tally");
    }

    [Fact]
    public async Task Calculator_ExactlyHalf_IsNotApproved_AndKeepsWhatWasTyped()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/owners-decisions/calculator");
        await page.GetByLabel("表决事项").SelectOptionAsync("4");
        await page.GetByLabel("专有部分总面积").FillAsync("300.00");
        await page.GetByLabel("参与表决面积").FillAsync("200.00");
        await page.GetByLabel("同意面积").FillAsync("100.00");
        await page.GetByLabel("业主总人数").FillAsync("3");
        await page.GetByLabel("参与表决人数").FillAsync("2");
        await page.GetByLabel("同意人数").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("未通过");
        await Expect(page.Locator("main")).ToContainTextAsync("同意的专有部分面积未达到：参与表决的 200.00 平方米中仅 100.00 平方米同意，须过半数（至少 100.01 平方米）");
        await Expect(page.GetByLabel("同意面积")).ToHaveValueAsync("100.00");

        await page.GetByLabel("同意面积").FillAsync("100.001");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Expect(page.Locator("#yesArea-error")).ToContainTextAsync("最多两位小数");
        await BrowserFixture.ShotAsync(page, "42-calculator");
    }

    [Fact]
    public async Task Resident_RaisesTopic_AndSupportsAnother_ThenSeesMeetingPage()
    {
        var page = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(page, Known.Resident);
        await page.GotoAsync("/c/" + Known.Xinyuan);
        await page.GetByRole(AriaRole.Link, new() { Name = "议题", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提出议题" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        await Expect(page.Locator("#category-error")).ToContainTextAsync("请选择类别");
        await page.GetByLabel("标题").FillAsync("晚间院落停车太乱");
        await page.GetByLabel("类别").SelectOptionAsync("Parking");
        await page.GetByLabel("正文").FillAsync("建议划定临时停车位并安排志愿者引导。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        await Expect(page.Locator("#topic-message")).ToContainTextAsync("议题已提出");
        await Expect(page.Locator("#topics")).ToContainTextAsync("晚间院落停车太乱");

        var demo = page.Locator("#topics li", new() { HasText = "小区垃圾分类桶站异味大" });
        await demo.GetByRole(AriaRole.Button, new() { Name = "支持" }).ClickAsync();
        await Expect(page.Locator("#topic-message")).ToContainTextAsync("感谢您的支持");
        await Expect(page.Locator("#topics li", new() { HasText = "小区垃圾分类桶站异味大" })).ToContainTextAsync("1 人支持");
        await BrowserFixture.ShotAsync(page, "43-topics");

        // The council's meeting (from the consultation page): agenda, quorum and the stream link.
        await page.GotoAsync("/consultation");
        await page.GetByRole(AriaRole.Link, new() { Name = "新园社区居民议事会" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "发展治理大家谈（第12期）" }).ClickAsync();
        await Expect(page.Locator("#quorum")).ToContainTextAsync("5 名成员");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "直播" })).ToBeVisibleAsync();
        await Expect(page.Locator("#check-in-code")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_RecordMeeting_Quorum_Decision_MinutesPublished()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GotoAsync("/consultation");
        await page.GetByRole(AriaRole.Link, new() { Name = "新园社区居民议事会" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "发展治理大家谈（第12期）" }).ClickAsync();
        await Expect(page.Locator("#check-in-code")).ToHaveTextAsync("202612");

        // Without a quorum the decision is refused with the figures.
        await page.GetByLabel("决议").FillAsync("采用方案二：增设休闲座椅和遮阳棚");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录决议" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("未达到法定人数");

        foreach (var index in new[] { 0, 1, 2 })
        {
            await page.GetByLabel("为成员签到").SelectOptionAsync(new SelectOptionValue { Index = index });
            await page.Locator("#staff-check-in").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("签到成功");
        }
        await Expect(page.Locator("#quorum")).ToContainTextAsync("现到会 3 名");
        await page.GetByLabel("决议").FillAsync("采用方案二：增设休闲座椅和遮阳棚");
        await page.GetByLabel("赞成").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录决议" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("决议已记录");

        await page.GetByLabel("会议记录", new() { Exact = true }).FillAsync("<p>会议同意<b>增设休闲座椅</b></p><script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布会议纪要" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("会议纪要已在居务公开栏发布");
        await BrowserFixture.ShotAsync(page, "44-meeting-recorded");
        await page.GetByRole(AriaRole.Link, new() { Name = "已在公示栏发布" }).ClickAsync();
        await Expect(page.Locator("article")).ToContainTextAsync("增设休闲座椅");
        Assert.DoesNotContain("<script", await page.Locator("article").InnerHTMLAsync(), StringComparison.OrdinalIgnoreCase);
    }
    [Fact]
    public async Task StaffOpensPollOnWorkbench_ItIsListedOnPolls()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GetByRole(AriaRole.Link, new() { Name = "协商议事工作台" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "协商议事工作台 · 新园社区" })).ToBeVisibleAsync();

        // Missing options: refused beside the field, the title kept.
        await page.GetByLabel("标题").FillAsync("新园社区健身器材选址");
        await page.GetByRole(AriaRole.Button, new() { Name = "发起投票" }).ClickAsync();
        await Expect(page.Locator("#create-poll")).ToContainTextAsync("请填写 2 至 20 个选项");
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("新园社区健身器材选址");

        await page.GetByLabel("投票类型").SelectOptionAsync("MultipleChoice");
        await page.GetByLabel("选项（每行一个）").FillAsync("中心花园\n2栋旁空地\n停车场东侧");
        await page.GetByLabel("最多可选几项（0 = 不限）").FillAsync("2");
        await page.GetByLabel("匿名投票").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发起投票" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新园社区健身器材选址" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "43-staff-opened-poll");

        await page.GotoAsync("/polls");
        await Expect(page.Locator("#polls")).ToContainTextAsync("新园社区健身器材选址");
        await page.GotoAsync("/polls?scope=" + Known.Xinyuan);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "新园社区健身器材选址" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StaffKeepsRosterOnWorkbench_AndOpensOwnersDecision()
    {
        // A fresh courtyard of 新园, so the demo roster other tests count stays as it is.
        using var login = new HttpClient { BaseAddress = fx.App.ServerAddress };
        var token = await (await login.PostAsJsonAsync("/api/v1/auth/login", new { login = Known.XinyuanWorker, password = JiayuanApp.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        login.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var created = await login.PostAsJsonAsync("/api/v1/places", new { parentId = await fx.App.PlaceIdAsync(Known.Xinyuan), name = "工作台院落", kind = "Courtyard" });
        var code = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString()!;

        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GotoAsync("/staff/consultation");
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台院落" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "业主名册 · 工作台院落" })).ToBeVisibleAsync();

        await page.GetByLabel("业主姓名").FillAsync("王大明");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加业主" }).ClickAsync();
        await page.GetByLabel("房号").FillAsync("1-101");
        await page.GetByLabel("专有部分面积（平方米）").FillAsync("89.567");
        await page.GetByLabel("业主", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加专有部分" }).ClickAsync();
        await Expect(page.Locator("#add-unit")).ToContainTextAsync("最多两位小数");
        await Expect(page.GetByLabel("房号")).ToHaveValueAsync("1-101");
        await page.GetByLabel("专有部分面积（平方米）").FillAsync("89.56");
        await page.GetByLabel("业主", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加专有部分" }).ClickAsync();
        await Expect(page.Locator("#roster-totals")).ToContainTextAsync("共 1 名业主、1 个专有部分，专有部分总面积 89.56 平方米");

        await page.GetByLabel("表决事项").SelectOptionAsync("4");
        await page.Locator("#decision-title").FillAsync("选聘新的物业服务企业");
        await page.GetByRole(AriaRole.Button, new() { Name = "发起表决" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "选聘新的物业服务企业" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "44-staff-roster-decision");
    }

    [Fact]
    public async Task StaffCreatesBody_AddsMember_CallsMeeting()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GotoAsync("/staff/consultation");
        await page.GetByLabel("机构名称").FillAsync("新园停车议事小组");
        await page.GetByRole(AriaRole.Button, new() { Name = "设立机构" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新园停车议事小组" })).ToBeVisibleAsync();

        await page.GetByLabel("成员姓名").FillAsync("李红梅");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加成员" }).ClickAsync();
        await Expect(page.Locator("#organization-error")).ToContainTextAsync("所属单位");
        await Expect(page.GetByLabel("成员姓名")).ToHaveValueAsync("李红梅");
        await page.GetByLabel("所属单位").FillAsync("物业公司");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加成员" }).ClickAsync();
        await Expect(page.Locator("#members")).ToContainTextAsync("物业公司");

        await page.GetByLabel("会议名称").FillAsync("停车位划线协商会");
        await page.GetByLabel("开始时间").FillAsync("2030-05-01T19:00");
        await page.GetByLabel("议程（每行一项）").FillAsync("划线方案\n收费标准");
        await page.GetByRole(AriaRole.Button, new() { Name = "召集会议" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "停车位划线协商会" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "45-staff-called-meeting");
    }

    [Fact]
    public async Task StaffHidesTopicsInBulk_AndRestoresOne()
    {
        // A resident of 新园 raises two abusive topics through the API.
        var residentLogin = await fx.App.CreateUserAsync(Jiayuan.Core.Identity.Role.Resident, Known.Xinyuan);
        using var resident = new HttpClient { BaseAddress = fx.App.ServerAddress };
        var token = await (await resident.PostAsJsonAsync("/api/v1/auth/login", new { login = residentLogin, password = JiayuanApp.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        resident.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var xinyuan = await fx.App.PlaceIdAsync(Known.Xinyuan);
        foreach (var title in new[] { "广告刷屏一号", "广告刷屏二号" })
        {
            (await resident.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = xinyuan, category = "Environment", title, text = "加微信领红包" })).EnsureSuccessStatusCode();
        }

        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GotoAsync("/staff/consultation");
        await page.GetByRole(AriaRole.Link, new() { Name = "议题管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "隐藏所选" }).ClickAsync();
        await Expect(page.Locator("#topicIds-error")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "广告刷屏一号" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "广告刷屏二号" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "隐藏所选" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(page.Locator("#moderation tr", new() { HasText = "广告刷屏一号" })).ToContainTextAsync("已隐藏");
        await Expect(page.Locator("#moderation tr", new() { HasText = "广告刷屏二号" })).ToContainTextAsync("已隐藏");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "广告刷屏二号" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复所选" }).ClickAsync();
        await Expect(page.Locator("#moderation tr", new() { HasText = "广告刷屏二号" })).ToContainTextAsync("显示中");
        await BrowserFixture.ShotAsync(page, "46-staff-topic-moderation");

        var topics = await resident.GetStringAsync("/api/v1/consultation/topics?scope=" + Known.Xinyuan);
        Assert.DoesNotContain("广告刷屏一号", topics);
        Assert.Contains("广告刷屏二号", topics);
    }

    [Fact]
    public async Task StaffOpensCommunityFund_HearingTooSoonIsRefusedBesideTheField()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.XinyuanWorker);
        await page.GotoAsync("/staff/consultation");
        var now = fx.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        string At(int days) => now.AddDays(days).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("年份").FillAsync("2031");
        await page.GetByLabel("金额（元）").FillAsync("200000.00");
        await page.GetByLabel("项目征集截止").FillAsync(At(1));
        await page.GetByLabel("评议会时间").FillAsync(At(2));
        await page.GetByLabel("议定截止").FillAsync(At(30));
        await page.GetByLabel("实施截止").FillAsync(At(200));
        await page.GetByLabel("验收截止").FillAsync(At(300));
        await page.GetByRole(AriaRole.Button, new() { Name = "设立资金" }).ClickAsync();
        await Expect(page.Locator("#hearingAt-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("金额（元）")).ToHaveValueAsync("200000.00");

        await page.GetByLabel("评议会时间").FillAsync(At(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "设立资金" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2031", Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "47-staff-opened-fund");
    }

    [Fact]
    public async Task Resident_ProposesFundProject_PrivateCostRefusedBesideTheField_ThenListed()
    {
        // 居小民 owns a flat in 新园社区's first courtyard, so he may propose to 新园's fund while proposals are open.
        var page = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(page, Known.Resident);
        await page.GotoAsync("/funds?scope=" + Known.Xinyuan);
        await page.Locator("#funds tr", new() { HasText = "324600.00" }).GetByRole(AriaRole.Link, new() { Name = "公开页面" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提出项目" })).ToBeVisibleAsync();

        await page.GetByLabel("标题").FillAsync("代缴3栋楼道物业费");
        await page.GetByLabel("简介").FillAsync("3栋部分住户拖欠物业费，建议由资金代缴。");
        await page.GetByLabel("预算（元）").FillAsync("8000.00");
        await page.GetByLabel("重点领域").SelectOptionAsync("ServingTheMasses");
        await page.GetByLabel("费用原本应由谁承担").SelectOptionAsync("PrivateCost");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交项目" }).ClickAsync();
        await Expect(page.Locator("#costType-error")).ToContainTextAsync("负面清单：保障资金不支付个人费用");
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("代缴3栋楼道物业费");
        await Expect(page.GetByLabel("预算（元）")).ToHaveValueAsync("8000.00");
        await Expect(page.Locator("#projects")).Not.ToContainTextAsync("代缴3栋楼道物业费");
        await BrowserFixture.ShotAsync(page, "48-fund-proposal-refused");

        await page.GetByLabel("标题").FillAsync("3栋楼道声控灯更换");
        await page.GetByLabel("重点领域").SelectOptionAsync("Infrastructure");
        await page.GetByLabel("费用原本应由谁承担").SelectOptionAsync("PublicCommunity");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交项目" }).ClickAsync();
        await Expect(page.Locator("#propose-message")).ToContainTextAsync("项目“3栋楼道声控灯更换”已提出");
        await Expect(page.Locator("#projects tr", new() { HasText = "3栋楼道声控灯更换" })).ToContainTextAsync("8000.00");
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("");
        await BrowserFixture.ShotAsync(page, "49-fund-project-proposed");
    }
}
