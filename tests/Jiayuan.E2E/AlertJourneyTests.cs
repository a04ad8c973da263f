using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Microsoft.Playwright;

namespace Jiayuan.E2E;

/// <summary>Two responders with the alert console open: one raises an SOS, both see it live, one acknowledges, the other sees it.</summary>
public class AlertJourneyTests(BrowserFixture fx)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<string> ResponderAsync(string unit)
    {
        var login = await fx.App.CreateUserAsync(Role.Responder, Known.Xinyuan);
        using var http = new HttpClient { BaseAddress = fx.App.ServerAddress };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { login, password = JiayuanApp.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var areaId = await fx.App.PlaceIdAsync(Known.Xinyuan);
        (await http.PutAsJsonAsync("/api/v1/alerts/responders/me", new { unit, areaIds = new[] { areaId }, duty = "OnDuty" })).EnsureSuccessStatusCode();
        return login;
    }

    [Fact]
    public async Task A_Guard_Registers_On_The_Page_And_Goes_Off_Duty()
    {
        var login = await fx.App.CreateUserAsync(Role.Responder, Known.Xinyuan);
        var page = await fx.NewPageAsync(phone: true);
        await page.GotoAsync("/account/login?returnUrl=/alerts/me");
        await page.GetByLabel("手机号或用户名").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(JiayuanApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的值班" })).ToBeVisibleAsync();
        // Nothing chosen: the message stands beside the field and the unit stays typed.
        await page.GetByLabel("工作单位").FillAsync("新园保安队");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.Locator("#unit")).ToHaveValueAsync("新园保安队");
        await page.Locator("#areas").SelectOptionAsync(new SelectOptionValue { Label = "新园社区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-duty]")).ToHaveTextAsync("在岗");
        await page.GetByRole(AriaRole.Button, new() { Name = "离岗" }).ClickAsync();
        await Expect(page.Locator("[data-duty]")).ToHaveTextAsync("离岗");
        await BrowserFixture.ShotAsync(page, "alerts-06-my-duty");
    }

    private async Task<IPage> ConsoleAsync(string login)
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("手机号或用户名").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(JiayuanApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "个人资料" })).ToBeVisibleAsync();
        await page.GotoAsync("/alerts?scope=" + Known.Xinyuan);
        await Expect(page.Locator("[data-hub-state]")).ToHaveTextAsync("实时连接");
        return page;
    }

    [Fact]
    public async Task TwoResponders_OneRaises_BothSeeIt_OneAcknowledges_TheOtherSeesItLive()
    {
        var a = await ResponderAsync("锦绣物业");
        var b = await ResponderAsync("新园联防队");
        var consoleA = await ConsoleAsync(a);
        var consoleB = await ConsoleAsync(b);

        var sos = await consoleA.Context.NewPageAsync();
        await sos.GotoAsync($"/sos?place={Known.Xinyuan}-01");
        await sos.GetByLabel("火情").CheckAsync();
        await sos.GetByLabel("警情描述").FillAsync("3栋楼道冒烟");
        await sos.GetByRole(AriaRole.Button, new() { Name = "发出求助" }).ClickAsync();
        await Expect(sos.GetByRole(AriaRole.Status)).ToContainTextAsync("求助已发出");

        var cardA = consoleA.Locator(".alert-card", new() { HasText = "3栋楼道冒烟" });
        var cardB = consoleB.Locator(".alert-card", new() { HasText = "3栋楼道冒烟" });
        await Expect(cardA).ToBeVisibleAsync();
        await Expect(cardB).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(consoleB, "alerts-01-console-raised");

        await cardB.GetByRole(AriaRole.Button, new() { Name = "已收到" }).ClickAsync();
        await Expect(cardA.Locator("[data-responders]")).ToContainTextAsync("（新园联防队）已收到");
        await Expect(sos.Locator("[data-coming]")).ToContainTextAsync("新园联防队");
        await BrowserFixture.ShotAsync(consoleA, "alerts-02-console-acknowledged");
        await BrowserFixture.ShotAsync(sos, "alerts-03-sos-who-is-coming");
    }

    [Fact]
    public async Task AnAlertWithAPoint_IsAMarkerOnTheConsoleMaps_UntilResolved()
    {
        var a = await ResponderAsync("锦绣物业");
        var b = await ResponderAsync("新园联防队");
        var consoleB = await ConsoleAsync(b);
        await Expect(consoleB.Locator("[data-alert-map]")).ToHaveClassAsync(new Regex(@"\bleaflet-container\b"));

        // The raiser's phone gives its location (WGS-84); the SOS page shows the point on a small map.
        var sos = await fx.NewPageAsync(phone: true);
        await sos.Context.GrantPermissionsAsync(["geolocation"]);
        await sos.Context.SetGeolocationAsync(new Geolocation { Latitude = 30.6061f, Longitude = 104.0533f });
        await sos.GotoAsync("/account/login");
        await sos.GetByLabel("手机号或用户名").FillAsync(a);
        await sos.GetByLabel("密码").FillAsync(JiayuanApp.DemoPassword);
        await sos.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(sos.GetByRole(AriaRole.Heading, new() { Name = "个人资料" })).ToBeVisibleAsync();
        await sos.GotoAsync($"/sos?place={Known.Xinyuan}-01");
        await sos.GetByLabel("急救").CheckAsync();
        await sos.GetByLabel("警情描述").FillAsync("5栋门口老人摔倒");
        await sos.GetByRole(AriaRole.Button, new() { Name = "添加我的位置" }).ClickAsync();
        await Expect(sos.Locator("[data-point]")).ToHaveTextAsync(new Regex(@"^30\.606\d+, 104\.053\d+$"));
        await Expect(sos.Locator("[data-sos-map].leaflet-container path.sos-marker")).ToHaveCountAsync(1);
        await sos.GetByRole(AriaRole.Button, new() { Name = "发出求助" }).ClickAsync();
        await Expect(sos.GetByRole(AriaRole.Status)).ToContainTextAsync("求助已发出");

        // Live: the second responder's console gets a marker for it; "show on the map" opens its popup.
        var cardB = consoleB.Locator(".alert-card", new() { HasText = "5栋门口老人摔倒" });
        await Expect(cardB).ToBeVisibleAsync();
        var id = await cardB.GetAttributeAsync("data-alert-id");
        var markerB = consoleB.Locator($"[data-alert-map].leaflet-container path.alert-marker[data-marker-for='{id}']");
        await Expect(markerB).ToHaveCountAsync(1);
        await cardB.GetByRole(AriaRole.Button, new() { Name = "在地图上查看" }).ClickAsync();
        await Expect(consoleB.Locator(".leaflet-popup-content")).ToContainTextAsync("5栋门口老人摔倒");
        await Expect(consoleB.Locator(".leaflet-popup-content")).ToContainTextAsync("暂无人响应");
        await BrowserFixture.ShotAsync(consoleB, "alerts-04-console-map");
        await BrowserFixture.ShotAsync(sos, "alerts-05-sos-map");

        // Rendered by the server: a console opened now shows the marker too.
        var consoleA = await ConsoleAsync(a);
        var markerA = consoleA.Locator($"[data-alert-map].leaflet-container path.alert-marker[data-marker-for='{id}']");
        await Expect(markerA).ToHaveCountAsync(1);

        // Resolved: the marker leaves both maps; the card stays in the list, marked resolved.
        consoleB.Dialog += async (_, dialog) => await dialog.AcceptAsync("已送医");
        await cardB.GetByRole(AriaRole.Button, new() { Name = "已处置" }).ClickAsync();
        await Expect(markerB).ToHaveCountAsync(0);
        await Expect(markerA).ToHaveCountAsync(0);
        await Expect(cardB).ToHaveClassAsync(new Regex(@"\bresolved\b"));
    }
}
