using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.SupportNeed;

/// <summary>The 附议 button on the need page (/needs/{id}, handler Support): offered to residents, not to those who answer.</summary>
public abstract class SupportNeedPageTests(AppFactory factory)
{
    private const string SupportButton = "form[action*='handler=Support'] button[type=submit]";

    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task NeedPage_Neighbour_IsOfferedSupportAndSupporting_CountsOnce()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(actors.Community, "邻居"));
        Assert.NotNull((await Html.GetAsync(browser, $"/needs/{id}")).QuerySelector(SupportButton));

        var response = await Html.SubmitFormAsync(browser, $"/needs/{id}", new Dictionary<string, string>(), handler: "Support");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(browser, $"/needs/{id}");
        Assert.Null(page.QuerySelector(SupportButton));
        Assert.Equal(1, (await _needs.LoadAsync(id)).SupportCount);
    }

    [Fact]
    public async Task NeedPage_StaffOfItsCommunity_SeesTheAnswerPanelButNoSupportButton()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var page = await Html.GetAsync(browser, $"/needs/{id}");

        Assert.NotNull(page.QuerySelector("form[action*='handler=Answer']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Support']"));
        Assert.DoesNotContain("附议（我也遇到了）", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task NeedPage_StaffPostsSupportFromAStalePage_ShowsTheRefusalAndStoresNothing()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);
        var token = (await Html.GetAsync(browser, $"/needs/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await browser.PostAsync($"/needs/{id}?handler=Support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("负责办理这条诉求的工作人员不能附议它", (await Html.ParseAsync(response)).QuerySelector("[role=alert] p")!.TextContent.Trim());
        Assert.Empty(await _needs.SupportersAsync(id));
    }
}

[Collection(SqliteLane.Name)]
public sealed class SupportNeedPageTestsOnSqlite(SqliteAppFactory factory) : SupportNeedPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SupportNeedPageTestsOnPostgres(PostgresAppFactory factory) : SupportNeedPageTests(factory);
