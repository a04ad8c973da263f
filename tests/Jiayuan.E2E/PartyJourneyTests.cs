using Microsoft.Playwright;

namespace Jiayuan.E2E;

public class PartyJourneyTests(BrowserFixture fx)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);


    [Fact]
    public async Task Secretary_RecordsABranchMeeting()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "shuji", "/party/orgs?scope=" + Known.Fucheng);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "党组织 · 府城社区" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "11-party-orgs");

        await page.Locator("table a", new() { HasTextString = "支部委员会" }).First.ClickAsync();
        await page.GetByText("记录今天召开的会议").ClickAsync();
        await page.GetByLabel("会议", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "主题党日" });
        var topic = "主题党日：走访独居老人 " + Random.Shared.Next(100, 999);
        await page.GetByLabel("议题").FillAsync(topic);
        var boxes = page.Locator("input[name=attendee]");
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "会议已记录" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.list").Filter(new() { HasText = topic })).ToContainTextAsync("实到 3 人");
        await BrowserFixture.ShotAsync(page, "12-meeting-recorded");
    }

    [Fact]
    public async Task Secretary_DryRunsARosterImport_AndSeesRowErrors()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "赵演示", ["性别"] = "女", ["身份证号"] = "11010519491231002X", ["手机号"] = "13912340001", ["党员类型"] = "正式党员", ["入党日期"] = "1975-07-01", ["所在党组织"] = "中共府城社区委员会" },
            new Dictionary<string, object?> { ["姓名"] = "钱演示", ["性别"] = "女", ["身份证号"] = "110105194912310021", ["手机号"] = "13912340002", ["党员类型"] = "正式党员", ["入党日期"] = "1980-07-01", ["所在党组织"] = "中共府城社区委员会" },
            new Dictionary<string, object?> { ["姓名"] = "孙演示", ["性别"] = "男", ["身份证号"] = "11010519491231002X", ["手机号"] = "13912340003", ["党员类型"] = "正式党员", ["入党日期"] = "1980-07-01", ["所在党组织"] = "不存在的党支部" },
        };
        var path = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, rows);

        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "shuji", "/party/import?scope=" + Known.Fucheng);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入党员名册 · 府城社区" })).ToBeVisibleAsync();
        await page.GetByLabel("名册文件（.xlsx）").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("试运行：共 3 行，1 行可导入，2 行有问题");
        var table = page.Locator("table");
        await Expect(table).ToContainTextAsync("校验码");
        await Expect(table).ToContainTextAsync("重复");
        await Expect(table).ToContainTextAsync("不存在的党支部");
        await BrowserFixture.ShotAsync(page, "15-import-dry-run");
        File.Delete(path);
    }

    [Fact]
    public async Task Resident_SeesPledgesOnCommunityPage_AnonymousSeesMaskedNames()
    {
        var anonymous = await fx.NewPageAsync(phone: true);
        await anonymous.GotoAsync("/c/" + Known.Fucheng);
        var section = anonymous.Locator("section.pledges, section").Filter(new() { HasText = "党员公开承诺" });
        await Expect(section).ToContainTextAsync("**");
        await BrowserFixture.ShotAsync(anonymous, "13-pledges-anonymous");

        var page = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(page, Known.Resident, "/c/" + Known.Fucheng);
        var signedIn = page.Locator("section").Filter(new() { HasText = "党员公开承诺" });
        await Expect(signedIn).ToContainTextAsync("每月为院落独居老人上门服务一次");
        await Expect(signedIn.Locator("li strong").First).Not.ToContainTextAsync("*");
        await BrowserFixture.ShotAsync(page, "14-pledges-resident");
    }

    [Fact]
    public async Task StatsPage_DrawsCharts_AndAJointBranchListsItsUnits()
    {
        var anonymous = await fx.NewPageAsync(phone: true);
        await anonymous.GotoAsync("/party?scope=510107063&year=2018");
        await Expect(anonymous.Locator("dl.party-stats")).ToContainTextAsync("141");
        // ECharts draws (as SVG) into each chart's div; the figures stay readable as text beside it.
        var chart = anonymous.Locator("div.chart[data-ready] svg").First;
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await anonymous.Locator("div.chart svg").CountAsync() >= 3);
        await Expect(anonymous.Locator("figure.chart-figure").First).ToContainTextAsync("党组织类别");
        await BrowserFixture.ShotAsync(anonymous, "16-party-charts-phone");

        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "jiedao", "/party/orgs?scope=510107063");
        await page.Locator("table a", new() { HasTextString = "等企业联合支部委员会" }).First.ClickAsync();
        var units = page.Locator("section.joint-units");
        await Expect(units.GetByRole(AriaRole.Heading)).ToContainTextAsync("联建单位");
        await Expect(units.Locator("li").First).ToContainTextAsync("有限公司（演示）");
        await BrowserFixture.ShotAsync(page, "17-joint-branch-units");
    }

    [Fact]
    public async Task Secretary_AddsAMember_AndConvertsAProbationaryMember()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "shuji", "/party/orgs?scope=" + Known.Fucheng);
        await page.Locator("table a", new() { HasTextString = "支部委员会" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "添加党员" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^添加党员 · ") })).ToBeVisibleAsync();

        // A probationary member admitted 13 months ago: probation is over, so the branch can record the conversion.
        var first17 = "510108199003" + Random.Shared.Next(10, 28).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = first17 + Jiayuan.Core.Privacy.ChineseId.CheckCharacter(first17);
        var name = "周演示" + Random.Shared.Next(100, 999);
        var admitted = DateTime.UtcNow.AddHours(8).AddMonths(-13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("身份证号").FillAsync(id);
        await page.GetByLabel("手机号").FillAsync("13912345670");
        await page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "预备党员" });
        await page.GetByLabel("入党日期").FillAsync(admitted);
        await page.GetByLabel("工作单位").FillAsync("府城社区居委会");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加党员" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("党员已添加");
        await BrowserFixture.ShotAsync(page, "18-party-member-added");

        await page.GetByRole(AriaRole.Link, new() { Name = "打开党员页面" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await Expect(page.Locator("#member-status")).ToHaveTextAsync("预备党员");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("******"); // the ID number is masked
        await Expect(page.Locator("dl.details")).Not.ToContainTextAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记转正" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已转为正式党员");
        await Expect(page.Locator("#member-status")).ToHaveTextAsync("正式党员");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("转正日期");
        await BrowserFixture.ShotAsync(page, "19-party-member-converted");
    }
}
