using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Roadshows;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// A representative at a desk and a resident on a 360 px phone RSVP and score at a roadshow during its window; after it
/// closes, a visitor reads the results.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class RoadshowScoringTests(BrowserHost host)
{
    [Fact]
    public async Task RepresentativeAndResidentScore_VisitorReadsResults()
    {
        var data = new RoadshowsTestData(host.App);
        var community = await host.Data.CommunityAsync();
        var staff = await host.Data.StaffAsync(community);
        using var staffClient = await BearerClientAsync(staff);
        var actors = new RoadshowActors(community, staff, staffClient,
            await data.PublishedProjectAsync(community, "微更新·智慧绿色驿站"), await data.PublishedProjectAsync(community, "自然童行研学基地"));
        var id = await data.ScoringAsync(actors);
        var representative = await host.Data.UserAsync(null, "吴代表", Roles.Representative);
        var resident = await host.Data.UserAsync(actors.Community, "张阿姨");

        await using (var desk = await host.StartJourneyAsync(nameof(RoadshowScoringTests)))
        {
            await SignInAsync(desk.Page, representative, id);
            await desk.CheckPageAsync("1-representative-roadshow");
            await desk.Page.Locator("form[action*='handler=Rsvp'] button").ClickAsync();
            await Expect(desk.Page.Locator("main")).ToContainTextAsync("你已报名（两代表一委员）");
            await ScoreAsync(desk.Page, actors.ProjectA, 5, 4, 4, "很有必要");
            await desk.CheckPageAsync("2-representative-scored");
        }

        await using (var phone = await host.StartJourneyAsync(nameof(RoadshowScoringTests), 360, 640))
        {
            await SignInAsync(phone.Page, resident, id);
            await phone.Page.Locator("form[action*='handler=Rsvp'] button").ClickAsync();
            await Expect(phone.Page.Locator("main")).ToContainTextAsync("你已报名（居民）");
            await phone.CheckPageAsync("3-resident-roadshow-phone");

            // 长辈版 on the phone: the 1–5 choices and the button stay big enough to tap, and nothing scrolls sideways.
            await phone.Page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
            await Expect(phone.Page.Locator("html")).ToHaveClassAsync("elder");
            await AssertTapTargetsAsync(phone.Page, actors.ProjectA);
            await phone.CheckPageAsync("3b-resident-roadshow-elder-phone");
            await ScoreAsync(phone.Page, actors.ProjectA, 3, 4, 5, null);
            await ScoreAsync(phone.Page, actors.ProjectA, 4, 4, 5, "希望周末也开放");
            await phone.CheckPageAsync("4-resident-scored-phone");
            await Expect(phone.Page.Locator("#results-heading")).ToHaveCountAsync(0);
        }

        await RoadshowsTestData.CloseAsync(actors, id);
        await using var visitor = await host.StartJourneyAsync(nameof(RoadshowScoringTests), 360, 640);
        await visitor.Page.GotoAsync("/roadshows");
        await visitor.CheckPageAsync("5-visitor-list-phone");
        await visitor.Page.Locator($"main a[href='/roadshows/{id}']").First.ClickAsync();
        await visitor.Page.WaitForAddressAsync($"**/roadshows/{id}");
        await Expect(visitor.Page.Locator("#results-heading")).ToHaveTextAsync("评分结果");
        await Expect(visitor.Page.Locator("main")).ToContainTextAsync("希望周末也开放");
        await Expect(visitor.Page.Locator("main")).Not.ToContainTextAsync("张阿姨");
        await visitor.CheckPageAsync("6-visitor-results-phone");
    }

    /// <summary>An API client on the real port (CreateClient's clients aim at http://localhost, not at Kestrel's port).</summary>
    private async Task<HttpClient> BearerClientAsync(UserRef user)
    {
        var client = new HttpClient { BaseAddress = host.App.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { phone = user.Phone, password = TestData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task AssertTapTargetsAsync(IPage page, Guid projectId)
    {
        var targets = page.Locator($"#project-{projectId} .stars label, #project-{projectId} button");
        var count = await targets.CountAsync();
        Assert.True(count >= 16, $"Expected 15 choices and a button, found {count}.");
        for (var i = 0; i < count; i++)
        {
            var box = await targets.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: >= 60, Height: >= 60 }, $"Tap target {i} is {box?.Width:0}×{box?.Height:0} px in 长辈版.");
        }
    }

    private static async Task SignInAsync(IPage page, UserRef user, Guid roadshowId)
    {
        await page.GotoAsync($"/account/sign-in?returnUrl=/roadshows/{roadshowId}");
        await page.Locator("#Input_Phone").FillAsync(user.Phone);
        await page.Locator("#Input_Password").FillAsync(TestData.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync($"**/roadshows/{roadshowId}");
    }

    private static async Task ScoreAsync(IPage page, Guid projectId, int need, int feasibility, int benefit, string? comment)
    {
        var card = page.Locator($"#project-{projectId}");
        await card.Locator($"input[name='Score.Need'][value='{need}']").CheckAsync();
        await card.Locator($"input[name='Score.Feasibility'][value='{feasibility}']").CheckAsync();
        await card.Locator($"input[name='Score.Benefit'][value='{benefit}']").CheckAsync();
        if (comment is not null)
        {
            await card.Locator("textarea").FillAsync(comment);
        }

        await card.Locator("button[type=submit]").Last.ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("评分已保存");
    }
}
