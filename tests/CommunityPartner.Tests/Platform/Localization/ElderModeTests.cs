using System.Net;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>The 长辈版 (large-text) switch is remembered per browser and only ever redirects within the site.</summary>
[Collection(SqliteLane.Name)]
public sealed class ElderModeTests(SqliteAppFactory factory)
{
    [Fact]
    public async Task ElderSwitch_On_SetsCookieAndNextPageIsElder()
    {
        var browser = await factory.Data.BrowserAsync(null);
        Assert.False((await Html.GetAsync(browser, "/")).DocumentElement.ClassList.Contains("elder"));

        var response = await browser.GetAsync("/preferences/elder?on=1&returnUrl=%2Fcommunities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/communities", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".cp.elder=1", StringComparison.Ordinal));
        var page = await Html.GetAsync(browser, "/communities");
        Assert.True(page.DocumentElement.ClassList.Contains("elder"), page.DocumentElement.OuterHtml[..200]);
        Assert.Contains(page.QuerySelectorAll("a[href^='/preferences/elder']"), a => a.GetAttribute("href")!.Contains("on=0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ElderSwitch_Off_RemovesCookieAndNextPageIsStandard()
    {
        var browser = await factory.Data.BrowserAsync(null);
        await browser.GetAsync("/preferences/elder?on=1");
        Assert.True((await Html.GetAsync(browser, "/")).DocumentElement.ClassList.Contains("elder"));

        var response = await browser.GetAsync("/preferences/elder?on=0&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var page = await Html.GetAsync(browser, "/");
        Assert.False(page.DocumentElement.ClassList.Contains("elder"));
        Assert.Contains(page.QuerySelectorAll("a[href^='/preferences/elder']"), a => a.GetAttribute("href")!.Contains("on=1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example%2F")]
    [InlineData("evil.example")]
    public async Task ElderSwitch_ExternalReturnUrl_RedirectsHome(string returnUrl)
    {
        var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync($"/preferences/elder?on=1&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
