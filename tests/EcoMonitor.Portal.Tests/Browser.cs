namespace EcoMonitor.Portal.Tests;

/// <summary>
/// Headless Chromium from Debian (<c>/usr/bin/chromium</c>, or <c>ECOMON_CHROMIUM</c>) driven by Playwright; Playwright
/// never downloads a browser here. Screenshots go to <c>artifacts/screenshots</c> (gitignored).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Chromium = browser;
    }

    public IBrowser Chromium { get; }

    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(RepoFiles.Path("artifacts/screenshots")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        string executable = Environment.GetEnvironmentVariable("ECOMON_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"Chromium not found at {executable}: install Debian's chromium (.ci/install.sh) or set ECOMON_CHROMIUM.");
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
        });
        return new Browser(playwright, browser);
    }

    /// <summary>
    /// A fresh page (own context: no cache, no cookies) of <paramref name="width"/> × <paramref name="height"/> CSS pixels;
    /// with <paramref name="bypassCsp"/> the browser ignores the pages' Content-Security-Policy (to show that escaping
    /// alone keeps hostile data inert).
    /// </summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900, bool bypassCsp = false)
    {
        IBrowserContext context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = bypassCsp,
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        if (RequestDelay > 0)
        {
            await context.RouteAsync("**/*", async route =>
            {
                await Task.Delay(Random.Shared.Next(RequestDelay + 1));
                await route.ContinueAsync();
            });
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// <c>ECOMON_BROWSER_DELAY_MS</c>: each request of the pages waits a random 0 … that many milliseconds, so that
    /// answers arrive late and out of order as on a loaded machine; a test that then fails waits for the wrong thing.
    /// </summary>
    private static int RequestDelay { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ECOMON_BROWSER_DELAY_MS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int ms) ? ms : 0;

    /// <summary>
    /// Runs <paramref name="action"/> (a click that navigates) with the wait for <paramref name="url"/> already listening:
    /// a wait started after the click can miss a navigation that commits in between (the map's test failed so under load).
    /// </summary>
    public static async Task NavigateByAsync(IPage page, string url, Func<Task> action)
    {
        Task navigated = page.WaitForURLAsync(url);
        await action();
        await navigated;
    }

    /// <summary>
    /// Saves a screenshot for docs/screenshots (documentation, not an assertion): animations stopped, and a screenshot
    /// that Chromium cannot take within 15 s on a loaded machine is skipped with a line on stderr instead of failing the
    /// test that asserted what it shows (a full-page shot of the map timed out once at 30 s under a full run).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled, Timeout = 15_000,
            });
        }
        catch (TimeoutException exception)
        {
            await Console.Error.WriteLineAsync($"Screenshot {name} not taken: {exception.Message.Split('\n')[0]}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
