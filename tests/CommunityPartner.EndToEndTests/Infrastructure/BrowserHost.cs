using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommunityPartner.EndToEndTests.Infrastructure;

/// <summary>
/// One app on a real port and one headless Debian Chromium, shared by the journeys of the <see cref="BrowserLane"/>
/// collection; each journey opens its own browser context (its own cookies) and makes its own data.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelAppFactory App { get; } = new();

    public TestData Data => App.Data;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable(ChromiumVariable);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The system Chromium: `playwright install` downloads browsers, which this machine and CI cannot do.
            ExecutablePath = string.IsNullOrWhiteSpace(executable) ? "/usr/bin/chromium" : executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) at the given viewport, starting at the app's address.</summary>
    public async Task<Journey> StartJourneyAsync(string name, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        // CI shares two cores with the app, PostgreSQL and the browser: a page load can take longer than Playwright's
        // 30 s default there. Waits are about time budget, not about what is checked.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        return new Journey(name, context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserLane : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
