using Microsoft.Playwright;

namespace Jiayuan.E2E;

public class AdminJourneyTests(BrowserFixture fx)
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Admin_UnmasksAudited_GrantsRole_AndLogsOut()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=/admin/users?q=13800000007");
        await page.GetByLabel("手机号或用户名").FillAsync(Known.SubdistrictAdmin);
        await page.GetByLabel("密码").FillAsync(JiayuanApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "账号管理" })).ToBeVisibleAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("138****0007");
        await Expect(page.Locator("table")).Not.ToContainTextAsync("13800000007");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看完整信息" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "审计" })).ToContainTextAsync("13800000007");

        var newcomer = await fx.App.CreateUserAsync(Core.Identity.Role.Resident, Known.Jincheng);
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(newcomer);
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "社区工作者" });
        await page.GetByLabel("地点编码").FillAsync(Known.Jincheng);
        await page.GetByRole(AriaRole.Button, new() { Name = "授予", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已授予" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "09-admin-users");

        await page.GotoAsync("/admin/audit?action=unmask");
        await Expect(page.Locator("table")).ToContainTextAsync("unmask");
        await BrowserFixture.ShotAsync(page, "10-audit-log");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        var after = await page.GotoAsync("/admin/audit");
        Assert.Contains("/account/login", after!.Url, StringComparison.Ordinal);
    }
}
