using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>The same page in zh-CN (the default) and English, chosen by query, cookie or Accept-Language.</summary>
[Collection(SqliteLane.Name)]
public sealed partial class LocalizationTests(SqliteAppFactory factory)
{
    /// <summary>
    /// Texts of the anonymous home page. Those the resx translates must show in English; the rest may still be Chinese
    /// while translations are being added. At least the brand name is always translated.
    /// </summary>
    private static readonly string[] HomeKeys = ["社区合伙人", "首页", "登录", "注册", "社区", "居民有呼声，社区有回应", "平台怎么运转", "跳到正文"];

    [Fact]
    public async Task Home_NoLanguagePreference_RendersChinese()
    {
        var page = await GetPageAsync(factory.CreateClient(), "/");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.EndsWith(" · 社区合伙人", page.Title, StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.All(HomeKeys, key => Assert.Contains(key, text, StringComparison.Ordinal));
        Assert.Equal("English", page.QuerySelector("a[hreflang=en]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Home_CultureQueryEn_RendersEnglish()
    {
        var page = await GetPageAsync(factory.CreateClient(), "/?culture=en");

        AssertEnglish(page);
    }

    [Fact]
    public async Task Home_AcceptLanguageEn_RendersEnglish()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));

        AssertEnglish(await GetPageAsync(client, "/"));
    }

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("fr-FR")]
    public async Task Home_AcceptLanguageNotEnglish_RendersChinese(string language)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var page = await GetPageAsync(client, "/");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task CultureSwitch_ToEnglishAndBack_IsRememberedInACookie()
    {
        var browser = await factory.Data.BrowserAsync(null);

        var toEnglish = await browser.GetAsync("/preferences/culture?c=en&returnUrl=%2Fcommunities");

        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/communities", toEnglish.Headers.Location?.OriginalString);
        Assert.Contains(toEnglish.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".cp.culture=", StringComparison.Ordinal));
        AssertEnglish(await GetPageAsync(browser, "/"));

        await browser.GetAsync("/preferences/culture?c=zh-CN&returnUrl=%2F");
        Assert.Equal("zh-CN", (await GetPageAsync(browser, "/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task CultureSwitch_ExternalReturnUrl_RedirectsHome()
    {
        var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync("/preferences/culture?c=en&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?culture=en")]
    [InlineData("/communities")]
    [InlineData("/account/sign-in")]
    public async Task Page_AnyLanguage_EmitsChineseAsUtf8NotEntities(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var entities = NumericEntity().Matches(html)
            .Select(m => m.Value)
            .Where(e => int.Parse(e[3..^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) > 0x7F)
            .Distinct()
            .ToList();
        Assert.True(entities.Count == 0, $"{url} encodes non-ASCII text as entities: {string.Join(' ', entities)}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", html);
    }

    private void AssertEnglish(IDocument page)
    {
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var brand = factory.English("社区合伙人");
        Assert.NotEqual("社区合伙人", brand);
        Assert.EndsWith($" · {brand}", page.Title, StringComparison.Ordinal);
        Assert.Equal("中文", page.QuerySelector("a[hreflang=zh-CN]")?.TextContent.Trim());
        var text = page.Body!.TextContent;
        var translated = HomeKeys.Select(k => (Key: k, English: factory.English(k))).Where(t => t.English != t.Key).ToList();
        Assert.All(translated, t => Assert.Contains(t.English, text, StringComparison.Ordinal));
    }

    private static async Task<IDocument> GetPageAsync(HttpClient client, string url) => await Html.GetAsync(client, url);

    [GeneratedRegex("&#x[0-9A-Fa-f]+;")]
    private static partial Regex NumericEntity();
}
