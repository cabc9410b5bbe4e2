using Microsoft.Playwright;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) driven by Playwright for .NET,
/// for the class: Playwright's own browser download is never used. Playwright gives every launch a fresh, empty
/// profile of its own (it refuses a <c>--user-data-dir</c> argument). Pages open in a phone-sized context.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags headless Chromium needs on these machines (closed network, root, no GPU).</summary>
    static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    IPlaywright? playwright;
    IBrowser? browser;

    /// <summary>Where screenshots go: <c>bin/…/artifacts/screenshots</c> (ignored by git).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: install Debian's Chromium (apt-get install -y --no-install-recommends chromium), as .ci/run does.");
        }

        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh phone-sized context (390×844, touch, Danish), as a member opens a link from the mail app.</summary>
    public async Task<IBrowserContext> PhoneAsync() =>
        await (browser ?? throw new InvalidOperationException("Chromium has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "da-DK",
        });

    /// <summary>A fresh desktop-sized context (1280×900, mouse and keyboard, Danish), as a preparer opens a link at the office.</summary>
    public async Task<IBrowserContext> DesktopAsync() =>
        await (browser ?? throw new InvalidOperationException("Chromium has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "da-DK",
        });

    /// <summary>The id of the focused element (its tag name when it has none).</summary>
    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.tagName.toLowerCase(); }");

    /// <summary>Presses Tab until <paramref name="id"/> has the focus, and returns the ids focused on the way (at most <paramref name="most"/> presses).</summary>
    public static async Task<List<string>> TabToAsync(IPage page, string id, int most = 30)
    {
        var path = new List<string>();
        while (path.Count < most)
        {
            await page.Keyboard.PressAsync("Tab");
            path.Add(await FocusedAsync(page));
            if (path[^1] == id)
            {
                return path;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached #{id}: {string.Join(" → ", path)}");
    }

    /// <summary>
    /// A full-page screenshot saved as <paramref name="name"/>.png, and the page screen by screen as the phone shows it
    /// (<paramref name="name"/>.screen-1.png, …, at most ten), for looking at; returns the full page's path.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        int height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        (int width, int screen) = page.ViewportSize is { } size ? (size.Width, size.Height) : (390, 844);
        for (int i = 0; i * screen < height && i < 10; i++)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Screenshots, $"{name}.screen-{i + 1}.png"),
                FullPage = true,
                Clip = new Clip { X = 0, Y = i * screen, Width = width, Height = Math.Min(screen, height - (i * screen)) },
            });
        }

        return path;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
