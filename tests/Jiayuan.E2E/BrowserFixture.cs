using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Jiayuan.E2E.BrowserFixture))]

namespace Jiayuan.E2E;

/// <summary>The app on a loopback port and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public JiayuanApp App { get; } = new JiayuanApp().OnKestrel();
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright _playwright = default!;

    /// <summary>Screenshots land in artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDir { get; } = FindScreenshotDir();

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) in Chinese, phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page; without <paramref name="returnUrl"/> it waits for the profile page it lands on.</summary>
    public static async Task LoginAsync(IPage page, string login, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("手机号或用户名").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(JiayuanApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        if (returnUrl is null)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "个人资料" })).ToBeVisibleAsync();
        }
    }

    public static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    private static string FindScreenshotDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jiayuan.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
