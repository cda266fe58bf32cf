using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommunityPartner.EndToEndTests.Infrastructure;

/// <summary>
/// One journey's page. <see cref="CheckPageAsync"/> is called on every page the journey visits: it saves a full-page
/// screenshot under artifacts/screenshots/&lt;journey&gt;/ (for people to look at), fails when the page scrolls
/// sideways, and fails on any axe violation.
/// </summary>
public sealed class Journey(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public async Task CheckPageAsync(string step)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", name);
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{step}.png"), FullPage = true });

        // Nothing may push the page sideways: on a 360 px phone a horizontal scroll hides half of every line.
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{name}/{step}: the page is {widths[0]} px wide in a {widths[1]} px window.");

        var result = await Page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {Page.Url}.");
        if (result.Violations.Length > 0)
        {
            var report = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {Page.Url} ({name}/{step}):");
            foreach (var violation in result.Violations)
            {
                report.Append($"\n- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
                foreach (var node in violation.Nodes)
                {
                    var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                    report.Append($"\n    {node.Target} {node.Html}\n      {string.Join(" | ", checks)}");
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    /// <summary>Signs in through the real form, as a person would, and waits for the page it leads to.</summary>
    public async Task SignInAsync(string phone, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.Locator("#Input_Phone").FillAsync(phone);
        await Page.Locator("#Input_Password").FillAsync(password);
        await Page.Locator("main form button[type=submit]").ClickAsync();
        await Page.WaitForAddressAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    /// <summary>The folder holding the solution file, so artifacts land in one place whatever the test's working directory.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityPartner.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CommunityPartner.slnx above {AppContext.BaseDirectory}.");
    }
}
