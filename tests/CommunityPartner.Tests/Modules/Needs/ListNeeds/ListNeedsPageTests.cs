using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>The public /needs page: filters, status tabs with counts, and titles shown as text whatever they hold.</summary>
public abstract class ListNeedsPageTests(AppFactory factory)
{
    private const string Script = "<script>alert('xss')</script><b>加粗</b>";

    [Fact]
    public async Task ListPage_FilterByStatus_ListsOnlyThatStatusAndTabsCountEachStatus()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community));
        var waiting1 = await NeedFactory.RaiseAsync(resident, community, "等回应一");
        var waiting2 = await NeedFactory.RaiseAsync(resident, community, "等回应二");
        var answered = await NeedFactory.RaiseAsync(resident, community, "已回应了");
        await NeedFactory.MoveAsync(staff, answered, "respond");
        var browser = await factory.Data.BrowserAsync(null);

        var all = await Html.GetAsync(browser, $"/needs?community={community.Code}");
        var submitted = await Html.GetAsync(browser, $"/needs?community={community.Code}&status=submitted");

        Assert.Equal([$"/needs/{answered}", $"/needs/{waiting2}", $"/needs/{waiting1}"], Links(all));
        Assert.Equal([$"/needs/{waiting2}", $"/needs/{waiting1}"], Links(submitted));
        Assert.Equal("3", TabCount(all, null));
        Assert.Equal("2", TabCount(all, "submitted"));
        Assert.Equal("1", TabCount(all, "responded"));
        Assert.Equal("0", TabCount(all, "resolved"));
        Assert.Equal("page", submitted.QuerySelector("main .status-tabs a[href*='status=submitted']")?.GetAttribute("aria-current"));
        Assert.Equal(community.Code, submitted.QuerySelector<IHtmlSelectElement>("#community")?.Value);
    }

    [Fact]
    public async Task ListPage_FilterByCategory_ListsOnlyThatCategory()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        await NeedFactory.RaiseAsync(resident, community, "环境问题");
        var parking = await NeedFactory.RaiseAsync(resident, community, "停车问题", "parking-traffic");

        var page = await Html.GetAsync(await factory.Data.BrowserAsync(null), $"/needs?community={community.Code}&category=parking-traffic");

        Assert.Equal([$"/needs/{parking}"], Links(page));
        Assert.Equal("parking-traffic", page.QuerySelector<IHtmlSelectElement>("#category")?.Value);
    }

    [Theory]
    [InlineData("community=no-such-community")]
    [InlineData("status=open")]
    [InlineData("category=no-such-category")]
    public async Task ListPage_UnknownFilterValue_SaysSoAndListsNothing(string query)
    {
        var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync($"/needs?{query}");

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("筛选条件无效", page.QuerySelector("main [role=alert]")?.TextContent);
        Assert.Empty(Links(page));
    }

    [Fact]
    public async Task ListPage_ScriptInTitle_ShownAsText()
    {
        var community = await factory.Data.CommunityAsync();
        var id = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community)), community, Script);
        var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync($"/needs?community={community.Code}");

        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>加粗", html, StringComparison.Ordinal);
        var link = page.QuerySelector($"main a[href='/needs/{id}']");
        Assert.NotNull(link);
        Assert.Equal(Script, link.TextContent.Trim());
        Assert.Empty(link.QuerySelectorAll("script, b"));
    }

    [Fact]
    public async Task NeedPage_ScriptInTitle_ShownAsText()
    {
        var community = await factory.Data.CommunityAsync();
        var id = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community)), community, Script);

        var response = await (await factory.Data.BrowserAsync(null)).GetAsync($"/needs/{id}");

        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(Script, page.QuerySelector("main h1")?.TextContent);
        Assert.Equal(Script + " · 社区合伙人", page.Title);
    }

    private static List<string?> Links(IDocument page) =>
        [.. page.QuerySelectorAll("main ul.needs li.need > a").Select(a => a.GetAttribute("href"))];

    /// <summary>The count on the status tab (null: the "全部" tab).</summary>
    private static string? TabCount(IDocument page, string? status) =>
        page.QuerySelectorAll("main .status-tabs a")
            .FirstOrDefault(a => status is null ? !(a.GetAttribute("href") ?? "").Contains("status=", StringComparison.Ordinal) : (a.GetAttribute("href") ?? "").Contains($"status={status}", StringComparison.Ordinal))
            ?.QuerySelector(".count")?.TextContent.Trim();
}

[Collection(SqliteLane.Name)]
public sealed class ListNeedsPageTestsOnSqlite(SqliteAppFactory factory) : ListNeedsPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ListNeedsPageTestsOnPostgres(PostgresAppFactory factory) : ListNeedsPageTests(factory);
