using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jiayuan.E2E;

public partial class ResidentJourneyTests(BrowserFixture fx)
{
    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex CodeRegex();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);


    [Fact]
    public async Task Resident_Registers_WithPhoneCode()
    {
        var page = await fx.NewPageAsync(phone: true);
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("手机号", new() { Exact = true }).FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送验证码" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");

        var masked = phone[..3] + "****" + phone[^4..];
        var body = await fx.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientMasked == masked).Select(m => m.Body).FirstAsync());
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(CodeRegex().Match(body).Groups[1].Value);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("e2e12345");
        await BrowserFixture.ShotAsync(page, "01-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("欢迎");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(masked);
        await BrowserFixture.ShotAsync(page, "02-registered-profile");
    }

    [Fact]
    public async Task Resident_ReadsNoticeOnCommunityHomePage_AndSwitchesToEnglish()
    {
        var page = await fx.NewPageAsync(phone: true);
        await BrowserFixture.LoginAsync(page, Known.Resident);
        await page.GotoAsync("/c/" + Known.Fucheng);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "府城社区", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "03-community-home-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "府城社区二次供水水箱清洗通知" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "府城社区二次供水水箱清洗通知" })).ToBeVisibleAsync();
        await Expect(page.Locator("article")).ToContainTextAsync("请提前储水");
        await BrowserFixture.ShotAsync(page, "04-notice");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "中文" })).ToBeVisibleAsync();
        await page.GotoAsync("/c/" + Known.Fucheng);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notices" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "05-community-home-en");
    }

    [Fact]
    public async Task CommunityWorker_PublishesNotice_AndIsRefusedAnotherCommunity()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, Known.FuchengWorker);
        await page.GotoAsync($"/staff/c/{Known.Fucheng}/notices");
        await page.GetByRole(AriaRole.Link, new() { Name = "发布公示" }).ClickAsync();

        var title = "E2E 社区议事会通知 " + Random.Shared.Next(1000, 9999);
        await page.GetByLabel("标题").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(page.Locator("#title-error")).ToContainTextAsync("请填写标题");

        await page.GetByLabel("正文").FillAsync("<p>本周六召开居民议事会<script>alert(1)</script></p>");
        await Expect(page.GetByLabel("正文")).ToHaveValueAsync("<p>本周六召开居民议事会<script>alert(1)</script></p>");
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByLabel("栏目").SelectOptionAsync(new SelectOptionValue { Label = "居务公开" });
        await BrowserFixture.ShotAsync(page, "06-publish-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "07-staff-notices");

        await page.GotoAsync("/c/" + Known.Fucheng);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        var refused = await page.GotoAsync($"/staff/c/{Known.Xinyuan}/notices");
        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("新园社区");
        await BrowserFixture.ShotAsync(page, "08-refused-other-community");
    }
}
