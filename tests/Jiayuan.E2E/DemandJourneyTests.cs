using Microsoft.Playwright;

namespace Jiayuan.E2E;

/// <summary>A resident reports with a photo and is shown a similar demand, the unit accepts and replies, an unsatisfied rating reopens it, the subdistrict sees the overdue list.</summary>
public class DemandJourneyTests(BrowserFixture fx)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    // A 2×2 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");


    [Fact]
    public async Task Resident_Reports_Unit_Replies_Unsatisfied_Reopens_Subdistrict_Sees_Overdue()
    {
        var resident = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(resident, Known.Resident, "/demands/new");
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "我要反映" })).ToBeVisibleAsync();
        await resident.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "停车秩序" });
        await resident.GetByLabel("问题描述").FillAsync("院门口又有车辆堵住消防通道，晚上救护车进不来。");
        var place = resident.GetByLabel("地点");
        var courtyard = await place.Locator("optgroup[label='府城社区'] option").Nth(1).GetAttributeAsync("value");
        await place.SelectOptionAsync(courtyard!);
        // The map (Leaflet from npm) writes the clicked point into the WGS-84 fields.
        await resident.Locator("#map-picker.ready").ClickAsync(new() { Position = new() { X = 120, Y = 90 } });
        await Expect(resident.Locator("#lat")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^30\.\d{6}$"));
        await Expect(resident.Locator("#long")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^104\.\d{6}$"));
        await resident.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "car.png", MimeType = "image/png", Buffer = Png });
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "也有人反映了这个问题 — 关注它？" })).ToBeVisibleAsync();
        await Expect(resident.Locator(".similar")).ToContainTextAsync("停车秩序");
        await Expect(resident.GetByText("已保留您的照片")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(resident, "20-demand-similar");
        await resident.GetByRole(AriaRole.Button, new() { Name = "仍然提交我的" }).ClickAsync();

        await Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        await Expect(resident.Locator("h1 .tag")).ToHaveTextAsync("已派单");
        await Expect(resident.Locator("img.photo")).ToHaveCountAsync(1);
        var id = resident.Url.Split('/').Last().Split('?')[0];

        var unit = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(unit, Known.FuchengWorker, "/staff/demands/" + id);
        await unit.GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
        await Expect(unit.Locator("h1 .status")).ToHaveTextAsync("已签收");
        await unit.GetByLabel("答复诉求人").FillAsync("已联系交警和物业，设置了禁停标志。");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Expect(unit.Locator("h1 .status")).ToHaveTextAsync("已回复");
        await BrowserFixture.ShotAsync(unit, "21-demand-unit");

        await resident.GotoAsync("/demands/" + id);
        await resident.GetByLabel("不满意").CheckAsync();
        await resident.GetByLabel("未解决").CheckAsync();
        await resident.GetByLabel("意见（可选）").FillAsync("今晚还是堵着。");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(resident.Locator("h1 .tag")).ToHaveTextAsync("重办");
        await Expect(resident.Locator(".timeline")).ToContainTextAsync("不满意");
        await BrowserFixture.ShotAsync(resident, "22-demand-reopened");

        var jiedao = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(jiedao, Known.SubdistrictAdmin, "/staff/demands?view=overdue");
        await Expect(jiedao.GetByRole(AriaRole.Heading, new() { Name = "诉求工作台" })).ToBeVisibleAsync();
        await Expect(jiedao.Locator("tr.overdue").First).ToContainTextAsync("停水停电停气");
        await Expect(jiedao.Locator("table")).ToContainTextAsync("督办");
        await BrowserFixture.ShotAsync(jiedao, "23-demand-overdue");

        await jiedao.GotoAsync("/staff/demands/admin");
        await jiedao.GetByLabel("客户端名称").FillAsync("成都市12345热线");
        await jiedao.GetByRole(AriaRole.Button, new() { Name = "签发密钥" }).ClickAsync();
        await Expect(jiedao.Locator("#api-key")).ToContainTextAsync("jy311_");
        await Expect(jiedao.Locator("table").First).ToContainTextAsync("成都市12345热线");
        await BrowserFixture.ShotAsync(jiedao, "24-demand-settings");

        await jiedao.GotoAsync("/staff/demands/ranking");
        await Expect(jiedao.GetByRole(AriaRole.Heading, new() { Name = "承办单位月度排名" })).ToBeVisibleAsync();
        await Expect(jiedao.Locator("table")).ToContainTextAsync("府城社区");
    }
}
