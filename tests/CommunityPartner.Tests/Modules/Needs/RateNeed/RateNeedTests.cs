using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.RateNeed;

/// <summary>POST /api/v1/needs/{id}/rating (回访): the raiser rates each resolution once; 不满意 reopens the need.</summary>
public abstract class RateNeedTests(AppFactory factory)
{
    private const string Reopened = "居民对诉求“{0}”的办理结果不满意，已重新打开";
    private readonly NeedsTestData _needs = new(factory);

    [Theory]
    [InlineData("satisfied", Satisfaction.Satisfied, "满意")]
    [InlineData("basically_satisfied", Satisfaction.BasicallySatisfied, "基本满意")]
    public async Task Rate_SatisfiedOrBasically_ClosesAsRated(string value, Satisfaction stored, string verdict)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);

        var response = await RateAsync(actors.RaiserClient, id, value, "谢谢社区");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rated", body.GetProperty("status").GetString());
        var entry = body.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("Rated", "谢谢社区", verdict), (entry.GetProperty("kind").GetString(), entry.GetProperty("text").GetString(), entry.GetProperty("detail").GetString()));
        var need = await _needs.LoadAsync(id);
        var rating = Assert.Single(need.Ratings);
        Assert.Equal((0, stored, "谢谢社区", actors.Raiser.Id), (rating.Round, rating.Satisfaction, rating.Comment, rating.RaterId));
        Assert.NotNull(need.ClosedAt);
        Assert.Empty(await _needs.NotificationsAsync(actors.Staff.Id, id));
        Assert.Single(await _needs.AuditOfAsync(id), a => a.Action == "needs.rate");
    }

    [Fact]
    public async Task Rate_DissatisfiedThenSecondRound_ReopensKeepsHistoryAndRatesAgain()
    {
        var actors = await _needs.ActorsAsync();
        var colleague = await factory.Data.StaffAsync(actors.Community);
        var outsider = await factory.Data.StaffAsync(await factory.Data.CommunityAsync());
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        var firstResolution = (await _needs.LoadAsync(id)).FirstResolvedAt;

        var dissatisfied = await RateAsync(actors.RaiserClient, id, "dissatisfied", "垃圾房还是满的");

        Assert.Equal(HttpStatusCode.OK, dissatisfied.StatusCode);
        Assert.Equal("in_progress", (await dissatisfied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var reopened = await _needs.LoadAsync(id);
        Assert.Equal((NeedStatus.InProgress, 1), (reopened.Status, reopened.ReopenCount));
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(firstResolution, reopened.FirstResolvedAt);
        Assert.Equal([NeedEventKind.Resolved, NeedEventKind.Rated, NeedEventKind.Reopened], reopened.Events.OrderBy(e => e.Id).TakeLast(3).Select(e => e.Kind));
        Assert.Equal((0, Satisfaction.Dissatisfied), (Assert.Single(reopened.Ratings).Round, reopened.Ratings[0].Satisfaction));
        Assert.Equal([Reopened], await _needs.NotificationsAsync(actors.Staff.Id, id));
        Assert.Equal([Reopened], await _needs.NotificationsAsync(colleague.Id, id));
        Assert.Empty(await _needs.NotificationsAsync(outsider.Id, id));
        Assert.DoesNotContain(Reopened, await _needs.NotificationsAsync(actors.Raiser.Id, id));

        await NeedsTestData.MoveAsync(actors.StaffClient, id, "resolve", "重新清运并加派了保洁");
        var second = await RateAsync(actors.RaiserClient, id, "satisfied", null);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var done = await _needs.LoadAsync(id);
        Assert.Equal((NeedStatus.Rated, 1), (done.Status, done.ReopenCount));
        Assert.Equal([(0, Satisfaction.Dissatisfied), (1, Satisfaction.Satisfied)], done.Ratings.OrderBy(r => r.Round).Select(r => (r.Round, r.Satisfaction)));
        Assert.Equal(2, done.Events.Count(e => e.Kind == NeedEventKind.Resolved));
        Assert.Equal(2, done.Events.Count(e => e.Kind == NeedEventKind.Rated));
        Assert.Equal(firstResolution, done.FirstResolvedAt);
        Assert.Equal(2, (await _needs.AuditOfAsync(id)).Count(a => a.Action == "needs.rate"));
    }

    [Fact]
    public async Task Rate_TwiceInTheSameRound_Returns409AndKeepsTheFirst()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        await NeedsTestData.RateAsync(actors.RaiserClient, id, "basically_satisfied", null);

        var again = await RateAsync(actors.RaiserClient, id, "dissatisfied", "改主意了");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("只有已解决的诉求才能评价", (await ProblemJson.ReadAsync(again)).GetProperty("detail").GetString());
        var need = await _needs.LoadAsync(id);
        Assert.Equal(NeedStatus.Rated, need.Status);
        Assert.Equal(Satisfaction.BasicallySatisfied, Assert.Single(need.Ratings).Satisfaction);
    }

    [Fact]
    public async Task Rate_TwiceInParallelByTheRaiser_StoresOneRating()
    {
        var actors = await _needs.ActorsAsync();

        // Several rounds, so the two requests really overlap in some of them.
        for (var round = 0; round < 3; round++)
        {
            var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);

            var responses = await Task.WhenAll(
                RateAsync(actors.RaiserClient, id, "satisfied", null),
                RateAsync(actors.RaiserClient, id, "dissatisfied", null));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var need = await _needs.LoadAsync(id);
            Assert.Single(need.Ratings);
            Assert.Single(need.Events, e => e.Kind == NeedEventKind.Rated);
        }
    }

    [Theory]
    [InlineData(NeedStatus.Submitted)]
    [InlineData(NeedStatus.InProgress)]
    [InlineData(NeedStatus.Rejected)]
    public async Task Rate_NeedNotResolved_Returns409(NeedStatus status)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, status);

        var response = await RateAsync(actors.RaiserClient, id, "satisfied", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await _needs.LoadAsync(id)).Ratings);
    }

    [Theory]
    [InlineData("neighbour")]
    [InlineData("staff")]
    public async Task Rate_BySomeoneOtherThanTheRaiser_Returns403(string who)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        using var client = who == "staff" ? actors.StaffClient : await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "邻居"));

        var response = await RateAsync(client, id, "dissatisfied", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("只有提出诉求的居民才能评价", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        var need = await _needs.LoadAsync(id);
        Assert.Equal((NeedStatus.Resolved, 0), (need.Status, need.Ratings.Count));
    }

    [Fact]
    public async Task Rate_Anonymous_Returns401()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        using var anonymous = await factory.Data.ApiClientAsync(null);

        var response = await RateAsync(anonymous, id, "satisfied", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await _needs.LoadAsync(id)).Ratings);
    }

    [Theory]
    [InlineData("very_good")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Satisfied")]
    public async Task Rate_UnknownSatisfaction_Returns400(string? value)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);

        var response = await RateAsync(actors.RaiserClient, id, value, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["请选择满意、基本满意或不满意"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["satisfaction"]);
        Assert.Equal(NeedStatus.Resolved, (await _needs.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Rate_CommentOver500Characters_Returns400OnTheCommentField()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);

        var tooLong = await RateAsync(actors.RaiserClient, id, "dissatisfied", new string('差', NeedRating.CommentMax + 1));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["评价不能超过 500 个字"], ProblemJson.Errors(await ProblemJson.ReadAsync(tooLong))["comment"]);
        Assert.Equal(NeedStatus.Resolved, (await _needs.LoadAsync(id)).Status);

        var longest = await RateAsync(actors.RaiserClient, id, "dissatisfied", new string('差', NeedRating.CommentMax));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(NeedRating.CommentMax, Assert.Single((await _needs.LoadAsync(id)).Ratings).Comment!.Length);
    }

    [Fact]
    public async Task RatePage_LongCommentThenDissatisfied_ShowsFieldMessageThenReopens()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        using var browser = await factory.Data.BrowserAsync(actors.Raiser);

        var tooLong = await Html.SubmitFormAsync(browser, $"/needs/{id}", new Dictionary<string, string>
        {
            ["Input.Satisfaction"] = "dissatisfied",
            ["Input.Comment"] = new string('差', NeedRating.CommentMax + 1),
        }, handler: "Rate");

        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("评价不能超过 500 个字", (await Html.ParseAsync(tooLong)).QuerySelector("#Input_Comment-error")!.TextContent.Trim());
        Assert.Equal(NeedStatus.Resolved, (await _needs.LoadAsync(id)).Status);

        var rated = await Html.SubmitFormAsync(browser, $"/needs/{id}", new Dictionary<string, string>
        {
            ["Input.Satisfaction"] = "dissatisfied",
            ["Input.Comment"] = "楼道里还是有味道",
        }, handler: "Rate");

        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var page = await Html.GetAsync(browser, $"/needs/{id}");
        Assert.Equal("处理中", page.QuerySelector(".meta .status")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("ol.timeline li"), li =>
            li.QuerySelector("p")?.TextContent == "楼道里还是有味道" && li.QuerySelector(".status")?.TextContent.Trim() == "不满意");
        Assert.Null(page.QuerySelector("form[action*='handler=Rate']"));
        // The old result stays readable but no longer reads as the final one.
        Assert.Contains(page.QuerySelectorAll("main h2"), h => h.TextContent.Trim() == "上次的办理结果");
        Assert.DoesNotContain(page.QuerySelectorAll("main h2"), h => h.TextContent.Trim() == "办理结果");
        Assert.Equal("楼道里还是有味道", Assert.Single((await _needs.LoadAsync(id)).Ratings).Comment);
    }

    private static Task<HttpResponseMessage> RateAsync(HttpClient client, Guid id, string? satisfaction, string? comment) =>
        client.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction, comment });
}

[Collection(SqliteLane.Name)]
public sealed class RateNeedTestsOnSqlite(SqliteAppFactory factory) : RateNeedTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RateNeedTestsOnPostgres(PostgresAppFactory factory) : RateNeedTests(factory);
