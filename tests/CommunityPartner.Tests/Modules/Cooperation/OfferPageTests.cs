using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Tests.Modules.Roadshows;
using CommunityPartner.Web.Modules.Cooperation;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The offer, intent and list pages as a browser uses them, for each side.</summary>
public abstract class OfferPageTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task ProjectPage_Recruiting_ShowsOfferHelpToPartnerMembersOnly()
    {
        var w = await _data.WorldAsync();
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var resident = await factory.Data.BrowserAsync(await factory.Data.UserAsync(w.Community));

        var forPartner = await Html.GetAsync(partner, $"/projects/{w.ProjectId}");
        var forResident = await Html.GetAsync(resident, $"/projects/{w.ProjectId}");

        Assert.NotNull(forPartner.QuerySelector($"main a[href='/projects/{w.ProjectId}/offer']"));
        Assert.Null(forResident.QuerySelector($"main a[href='/projects/{w.ProjectId}/offer']"));
    }

    [Fact]
    public async Task MakeOfferPage_Good_CreatesTheOfferAndOpensItsPage()
    {
        var w = await _data.WorldAsync();
        using var browser = await factory.Data.BrowserAsync(w.Partner.Member);

        var response = await Html.SubmitFormAsync(browser, $"/projects/{w.ProjectId}/offer", new Dictionary<string, string>
        {
            ["Lines[0].Kind"] = "service",
            ["Lines[0].NeedId"] = w.ServiceAsk.ToString(),
            ["Lines[0].What"] = "回收设备安装调试",
            ["Lines[0].Hours"] = "40",
            ["Lines[0].Yuan"] = "8000",
            ["Message"] = "下周可以进场",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = Responses.LocationPath(response);
        var offer = await _data.LoadAsync(Guid.Parse(path["/offers/".Length..]));
        Assert.Equal((OfferStatus.Negotiating, 40), (offer.Status, offer.Lines.Single().Hours));
        var page = await Html.GetAsync(browser, path);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("回收设备安装调试", main, StringComparison.Ordinal);
        Assert.Contains("下周可以进场", main, StringComparison.Ordinal);
        Assert.Contains("协商中", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakeOfferPage_NegativeAmount_ShowsTheFieldErrorAndStoresNothing()
    {
        var w = await _data.WorldAsync();
        using var browser = await factory.Data.BrowserAsync(w.Partner.Member);
        var before = await _data.CountRowsAsync();

        var response = await Html.SubmitFormAsync(browser, $"/projects/{w.ProjectId}/offer", new Dictionary<string, string>
        {
            ["Lines[0].Kind"] = "money",
            ["Lines[0].Yuan"] = "-100",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("资金须为大于 0 的整数元", Html.FieldErrors(page));
        Assert.Equal("true", page.QuerySelector("[name='Lines[0].Yuan']")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await _data.CountRowsAsync());
    }

    [Fact]
    public async Task OfferPage_EachSideSeesItsOwnActionsAndStrangersAreRefused()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var staff = await factory.Data.BrowserAsync(w.Staff);
        using var stranger = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        var forPartner = await Html.GetAsync(partner, $"/offers/{id}");
        var forStaff = await Html.GetAsync(staff, $"/offers/{id}");

        static bool Has(AngleSharp.Dom.IDocument page, string handler) =>
            page.QuerySelectorAll("main form").Any(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        Assert.True(Has(forPartner, "Withdraw") && Has(forPartner, "Amend") && Has(forPartner, "Message"));
        Assert.False(Has(forPartner, "Accept") || Has(forPartner, "Decline"));
        Assert.True(Has(forStaff, "Accept") && Has(forStaff, "Decline") && Has(forStaff, "Amend"));
        Assert.False(Has(forStaff, "Withdraw"));
        Assert.Equal(2, forStaff.QuerySelectorAll(".offer-lines li").Length);
        var refused = await stranger.GetAsync($"/offers/{id}");
        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (refused.StatusCode, Responses.LocationPath(refused)));
    }

    [Fact]
    public async Task AcceptAndConfirmOnPages_SignTheIntentWhosePrintablePageShowsBothConfirmations()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var staff = await factory.Data.BrowserAsync(w.Staff);

        var accepted = await Html.SubmitFormAsync(staff, $"/offers/{id}", new Dictionary<string, string>(), "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var intentLink = (await Html.GetAsync(staff, $"/offers/{id}")).QuerySelector("main a[href^='/intents/']")!.GetAttribute("href")!;

        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(partner, intentLink, new Dictionary<string, string>(), "Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(staff, intentLink, new Dictionary<string, string>(), "Confirm")).StatusCode);

        var page = await Html.GetAsync(partner, intentLink);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("已签署", main, StringComparison.Ordinal);
        Assert.Contains(w.Partner.Member.Name, main, StringComparison.Ordinal);
        Assert.Contains(w.Staff.Name, main, StringComparison.Ordinal);
        Assert.Contains("改造资金", main, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[action*='handler=Confirm']"));
        Assert.NotNull(page.QuerySelector("link[href*='print.css'][media=print]"));
    }

    [Fact]
    public async Task IntentPage_UnverifiedPartner_IsToldClearlyAndConfirmIsRefused()
    {
        var w = await _data.WorldAsync(verified: false);
        var (_, intentId) = await AcceptedAsync(w);
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);

        var response = await Html.SubmitFormAsync(partner, $"/intents/{intentId}", new Dictionary<string, string>(), "Confirm");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("合伙人尚未通过新区认证，不能签署合作意向", Html.FieldErrors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task RoadshowPage_InterestedPartner_DraftsAnOfferFromIt()
    {
        var w = await _data.WorldAsync();
        var roadshowId = await RoadshowsTestData.CreateAsync(w.StaffClient, new RoadshowsTestData(factory).Body([w.ProjectId]));
        await ProjectsTestData.EnsureAsync(await w.Partner.Client.PostAsJsonAsync($"/api/v1/roadshows/{roadshowId}/interests", new { projectId = w.ProjectId }), "interest");
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);

        var response = await Html.SubmitFormAsync(partner, $"/roadshows/{roadshowId}", new Dictionary<string, string>(), "Draft");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var offer = await _data.LoadAsync(Guid.Parse(Responses.LocationPath(response)["/offers/".Length..]));
        Assert.Equal((OfferStatus.Draft, w.ProjectId, 0), (offer.Status, offer.ProjectId, offer.Lines.Count));
        var mine = await Html.GetAsync(partner, "/offers/mine");
        Assert.NotNull(mine.QuerySelector($"main a[href='/offers/{offer.Id}']"));
    }

    [Fact]
    public async Task StaffOffersPage_ShowsCoverageAndRefusesMatchNamingTheUncoveredAsk()
    {
        var w = await _data.WorldAsync();
        await SignedAsync(w, [Money(50_000, w.FundingAsk)]);
        using var staff = await factory.Data.BrowserAsync(w.Staff);

        var response = await Html.SubmitFormAsync(staff, $"/admin/offers?project={w.ProjectId}", new Dictionary<string, string>(), "Match");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(Html.FieldErrors(page), e => e.Contains("设计服务", StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll("main .cards li"));
    }

    [Fact]
    public async Task OfferPage_InElderMode_RendersWithTheElderLayout()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        await partner.GetAsync("/preferences/elder?on=1");

        var page = await Html.GetAsync(partner, $"/offers/{id}");

        Assert.True(page.DocumentElement.ClassList.Contains("elder"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
    }
}

[Collection(SqliteLane.Name)]
public sealed class OfferPageTestsOnSqlite(SqliteAppFactory factory) : OfferPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class OfferPageTestsOnPostgres(PostgresAppFactory factory) : OfferPageTests(factory);
