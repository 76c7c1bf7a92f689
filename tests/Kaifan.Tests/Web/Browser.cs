using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// Debian's chromium driven by Playwright: no browser download, headless, the sandbox off (tests run as root).
/// Screenshots go to docs/screenshots in the repository, where README.md shows them.
/// </summary>
public static class Browser
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    public static Task<IBrowserContext> PhoneAsync(IBrowser browser, Uri baseAddress) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = Phone,
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });

    public static Task<IBrowserContext> DesktopAsync(IBrowser browser, Uri baseAddress) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = Desktop,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });

    /// <summary>
    /// Only once <paramref name="ready"/> (something that proves the screen's data arrived) is visible, the web fonts
    /// are in and two frames have been painted: no loading flashes in the README.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, ILocator ready)
    {
        await Assertions.Expect(ready.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaifan.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kaifan.sln not found above the test binaries.");
    }
}
