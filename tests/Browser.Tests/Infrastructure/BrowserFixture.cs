using Microsoft.Playwright;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>
/// The whole product in a real browser: the WebApi (embedded silo, built web client) on a loopback
/// port and headless Chromium from Debian (Playwright drives it; it never downloads a browser), with a
/// fake camera so the exam page gets webcam frames.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ApiFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots of each role's main page go (build output, not committed).</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var index = Path.Combine(RepositoryPaths.Root, "src", "Api", "wwwroot", "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"The web client is not built ({index} is missing): build src/Api with Node.js and npm installed.");
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium chromium-driver (.ci/run does).");
        }

        await App.InitializeAsync();
        BaseAddress = App.CreateClient().BaseAddress!;
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();

        // Playwright's 5 s for an expectation is too short on a shared 2-core machine under load; the same bound as
        // an action's (below) keeps a slow render from failing a test while a wrong page still fails it.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",

                // This machine has no internet: background connections only produce refusals and noise.
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) on the app, with the camera allowed, in the light colour
    /// scheme unless <paramref name="colorScheme"/> says otherwise (the web client follows prefers-color-scheme).
    /// </summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Permissions = ["camera"],
            TimezoneId = "UTC",
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
