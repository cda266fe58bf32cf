using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Roadshows;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>The pages: list, detail with RSVP and the scoring form, results only after the window, organiser forms.</summary>
public abstract class RoadshowPageTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task ListPage_ShowsUpcomingBeforePast()
    {
        var actors = await _data.ActorsAsync();
        var upcoming = await RoadshowsTestData.CreateAsync(actors.StaffClient, _data.Body([actors.ProjectA], title: "将来的路演" + Guid.NewGuid().ToString("N")[..6]));
        var past = await _data.ScoringAsync(actors);
        await RoadshowsTestData.CloseAsync(actors, past);
        using var visitor = await factory.Data.BrowserAsync(null);

        var page = await Html.GetAsync(visitor, "/roadshows");

        var upcomingLinks = page.QuerySelectorAll("#upcoming-heading ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        var pastLinks = page.QuerySelectorAll("#past-heading ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/roadshows/{upcoming}", upcomingLinks);
        Assert.Contains($"/roadshows/{past}", pastLinks);
        Assert.DoesNotContain($"/roadshows/{past}", upcomingLinks);
    }

    [Fact]
    public async Task DetailPage_RsvpButton_TakesASeatAndShowsSeatsLeft()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 3);
        using var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(actors.Community, "报名居民"));
        var before = await Html.GetAsync(browser, $"/roadshows/{id}");
        Assert.Contains("剩余 3 个名额", before.QuerySelector("form[action*='handler=Rsvp'] button")!.TextContent);
        Assert.Equal($"/projects/{actors.ProjectA}", before.QuerySelector($"#project-{actors.ProjectA} h3 a")!.GetAttribute("href"));

        var response = await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string>(), "Rsvp");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.GetAsync(browser, $"/roadshows/{id}");
        Assert.Contains("共 3 个，剩余 2 个", after.QuerySelector(".facts")!.TextContent);
        Assert.NotNull(after.QuerySelector("form[action*='handler=CancelRsvp']"));
    }

    [Fact]
    public async Task DetailPage_ScoreWithoutAllValues_ShowsFieldMessagesAndStoresNothing_ThenValidScoreIsKept()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var user = await factory.Data.UserAsync(actors.Community, "打分居民");
        using var browser = await factory.Data.BrowserAsync(user);
        await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string>(), "Rsvp");

        var bad = await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string> { ["Score.Need"] = "6", ["Score.Feasibility"] = "3" }, "Score");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await Html.ParseAsync(bad);
        var errors = page.QuerySelectorAll($"#project-{actors.ProjectA} .error").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["评分须在 1 到 5 之间", "请为“居民受益”打分"], errors);
        Assert.Empty(page.QuerySelectorAll($"#project-{actors.ProjectB} .error"));
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));

        var good = await Html.SubmitFormAsync(browser, $"/roadshows/{id}",
            new Dictionary<string, string> { ["Score.Need"] = "5", ["Score.Feasibility"] = "4", ["Score.Benefit"] = "3", ["Score.Comment"] = "加油" }, "Score");

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var mine = await Html.GetAsync(browser, $"/roadshows/{id}");
        Assert.NotNull(mine.QuerySelector($"#project-{actors.ProjectA} input[name='Score.Need'][value='5'][checked]"));
        Assert.Null(mine.QuerySelector($"#project-{actors.ProjectB} input[checked]"));
    }

    [Fact]
    public async Task DetailPage_BeforeClose_ShowsNoResultsToAnyone_AfterClose_ShowsAverages()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, attendee) = await _data.AttendeeAsync(actors, id);
        await RoadshowsTestData.ScoreAsync(attendee, id, actors.ProjectA, 5, 3, 4, "悄悄话");
        using var staff = await factory.Data.BrowserAsync(actors.Staff);
        using var visitor = await factory.Data.BrowserAsync(null);

        foreach (var client in new[] { staff, visitor })
        {
            var hidden = await client.GetStringAsync($"/roadshows/{id}");
            Assert.Contains("评分结束后才公布结果", hidden, StringComparison.Ordinal);
            Assert.DoesNotContain("悄悄话", hidden, StringComparison.Ordinal);
            Assert.DoesNotContain("results-heading", hidden, StringComparison.Ordinal);
        }

        await RoadshowsTestData.CloseAsync(actors, id);
        var page = await Html.GetAsync(visitor, $"/roadshows/{id}");

        Assert.Equal("评分结果", page.QuerySelector("#results-heading")!.TextContent);
        var all = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")[2].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "5.00", "3.00", "4.00", "4.00"], all);
        Assert.Contains("悄悄话", page.QuerySelector(".comments")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPage_BadInput_ShowsFieldMessagesAndStoresNothing_ValidInput_CreatesWithLineup()
    {
        var actors = await _data.ActorsAsync();
        using var browser = await factory.Data.BrowserAsync(actors.Staff);
        var starts = DateTime.Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Venue"] = "社区礼堂",
            ["Input.StartsAt"] = starts,
            ["Input.Capacity"] = "0",
            [$"Input.Positions[{actors.ProjectB}]"] = "1",
            [$"Input.Positions[{actors.ProjectA}]"] = "2",
        };

        var bad = await Html.SubmitFormAsync(browser, "/roadshows/new", fields);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await Html.ParseAsync(bad);
        Assert.Contains("请填写路演名称", Html.FieldErrors(page));
        Assert.Contains("可容纳人数须在 1 到 5000 之间", Html.FieldErrors(page));
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<Roadshow>().CountAsync(r => r.OrganiserCommunityId == actors.Community.Id)));

        fields["Input.Title"] = "礼堂路演";
        fields["Input.Capacity"] = "40";
        var good = await Html.SubmitFormAsync(browser, "/roadshows/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await _data.QueryAsync(db => db.Set<Roadshow>().Include(r => r.Lineup).SingleAsync(r => r.OrganiserCommunityId == actors.Community.Id));
        Assert.Equal($"/roadshows/{stored.Id}", Responses.LocationPath(good));
        Assert.Equal([actors.ProjectB, actors.ProjectA], stored.Lineup.OrderBy(s => s.Position).Select(s => s.ProjectId));
        Assert.Equal(stored.StartsAt, stored.ScoringOpensAt);
    }

    [Fact]
    public async Task DetailPage_PartnerTapsInterest_CountShownAndButtonGone()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        using var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(actors.Community, "王经理", Roles.PartnerMember));

        var response = await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string>(), "Interest");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(browser, $"/roadshows/{id}");
        Assert.Contains("1 位合伙人有意合作", page.QuerySelector($"#project-{actors.ProjectA}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#project-{actors.ProjectA} form[action*='handler=Interest']"));
        Assert.NotNull(page.QuerySelector($"#project-{actors.ProjectB} form[action*='handler=Interest']"));
    }

    [Fact]
    public async Task DetailPage_StaffCancelWithoutReason_ShowsMessage_OpenThenCloseShowsResults()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var cancel = await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string> { ["Reason"] = "" }, "Cancel");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("请说明取消的原因", (await Html.ParseAsync(cancel)).QuerySelector("#reason-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string>(), "OpenScoring")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(browser, $"/roadshows/{id}", new Dictionary<string, string>(), "CloseScoring")).StatusCode);
        var page = await Html.GetAsync(browser, $"/roadshows/{id}");
        Assert.Equal("已结束", page.QuerySelector(".meta .status")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#results-heading"));
    }

    [Fact]
    public async Task EditPage_StaffOfAnotherCommunity_IsDenied()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var stranger = await _data.ActorsAsync();
        using var browser = await factory.Data.BrowserAsync(stranger.Staff);

        var response = await browser.GetAsync($"/roadshows/{id}/edit");

        Assert.Equal("/account/denied", Responses.LocationPath(response));
        var own = await Html.GetAsync(await factory.Data.BrowserAsync(actors.Staff), $"/roadshows/{id}/edit");
        Assert.Equal("测试路演", own.QuerySelector("#Input_Title")!.GetAttribute("value"));
    }
}

[Collection(SqliteLane.Name)]
public sealed class RoadshowPageTestsOnSqlite(SqliteAppFactory factory) : RoadshowPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RoadshowPageTestsOnPostgres(PostgresAppFactory factory) : RoadshowPageTests(factory);
