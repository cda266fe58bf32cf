using Microsoft.Playwright;

namespace CommunityPartner.EndToEndTests.Infrastructure;

/// <summary>What 长辈版 promises on any page: the page is in elder mode, and its controls are big enough to read and tap.</summary>
public static class ElderMode
{
    /// <summary>
    /// The page is in 长辈版 and every visible element matching <paramref name="selector"/> is at least 60 × 60 px
    /// with text of at least 18 pt (24 px).
    /// </summary>
    public static async Task AssertLargeAsync(IPage page, string selector)
    {
        Assert.Contains("elder", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var controls = await page.Locator(selector).EvaluateAllAsync<Control[]>(
            """
            els => els.filter(e => e.offsetParent !== null).map(e => {
                const r = e.getBoundingClientRect();
                return { text: (e.textContent || e.name || e.id).trim().slice(0, 20), width: r.width, height: r.height, fontSize: parseFloat(getComputedStyle(e).fontSize) };
            })
            """);
        Assert.NotEmpty(controls);
        var small = controls.Where(c => c.Width < 60 || c.Height < 60 || c.FontSize < 24).ToList();
        Assert.True(small.Count == 0, "Too small for 长辈版 (needs 60×60 px, 24 px text): "
            + string.Join("; ", small.Select(c => $"'{c.Text}' {c.Width:0}×{c.Height:0} {c.FontSize}px")));
    }

    /// <summary>Filled by Playwright from the page's JSON, which needs a parameterless constructor.</summary>
    private sealed class Control
    {
        public string Text { get; set; } = "";

        public double Width { get; set; }

        public double Height { get; set; }

        public double FontSize { get; set; }
    }
}
