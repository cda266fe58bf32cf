using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Roadshows;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>POST /api/v1/roadshows/{id}/scores: only in the window, only attendees and representatives, one score per person that a second replaces.</summary>
public abstract class ScoreProjectTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task Score_SecondTime_ReplacesNeverAdds()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (user, client) = await _data.AttendeeAsync(actors, id);

        var first = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 2, 3, 4, "还行");
        var second = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 5, 4, 3, "改主意了");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var scores = await _data.QueryAsync(db => db.Set<RoadshowScore>().Where(s => s.RoadshowId == id).ToListAsync());
        var score = Assert.Single(scores);
        Assert.Equal((user.Id, 5, 4, 3, "改主意了", false), (score.ScorerId, score.NeedScore, score.Feasibility, score.Benefit, score.Comment, score.ByRepresentative));
        var mine = await client.GetFromJsonAsync<JsonElement>($"/api/v1/roadshows/{id}/me");
        Assert.Equal(5, Assert.Single(mine.GetProperty("scores").EnumerateArray()).GetProperty("need").GetInt32());
    }

    [Fact]
    public async Task Score_TenParallelFirstScoresOfOnePerson_StoreOne()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => RoadshowsTestData.ScoreAsync(client, id, actors.ProjectB, 1 + (i % 5), 3, 3)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"unexpected {r.StatusCode}"));
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));
    }

    [Fact]
    public async Task Score_RepresentativeWithoutRsvp_IsAcceptedAndMarked()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        using var representative = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(null, "吴代表", Roles.Representative));

        var response = await RoadshowsTestData.ScoreAsync(representative, id, actors.ProjectA, 4, 4, 4);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await _data.QueryAsync(db => db.Set<RoadshowScore>().Where(s => s.RoadshowId == id).Select(s => s.ByRepresentative).FirstAsync()));
    }

    [Fact]
    public async Task Score_ResidentWithoutRsvp_Returns403()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        using var passerby = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "路过的居民"));

        var response = await RoadshowsTestData.ScoreAsync(passerby, id, actors.ProjectA, 4, 4, 4);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("只有报名参加的人和两代表一委员可以打分", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));
    }

    [Fact]
    public async Task Score_BeforeWindowOrAfterItCloses_Returns409AndStoresNothing()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);

        var before = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 4, 4, 4);
        await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);
        await RoadshowsTestData.CloseAsync(actors, id);
        var after = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 4, 4, 4);

        Assert.Equal("评分还没有开始", (await ProblemJson.ReadAsync(before)).GetProperty("detail").GetString());
        Assert.Equal("评分已经结束，不能再打分", (await ProblemJson.ReadAsync(after)).GetProperty("detail").GetString());
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));
    }

    [Fact]
    public async Task Score_WindowOpensAndClosesByTheClock_RefusedOutsideIt()
    {
        var actors = await _data.ActorsAsync();
        var body = _data.Body([actors.ProjectA]);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        body["scoringOpensAt"] = now.AddSeconds(10);
        body["scoringClosesAt"] = now.AddSeconds(40);
        var id = await RoadshowsTestData.CreateAsync(actors.StaffClient, body);
        var (_, client) = await _data.AttendeeAsync(actors, id);
        var early = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 2, 2, 2);
        factory.Clock.Advance(TimeSpan.FromSeconds(11));
        var inWindow = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 4, 4, 4);

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var late = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 1, 1, 1);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inWindow.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(4, await _data.QueryAsync(db => db.Set<RoadshowScore>().Where(s => s.RoadshowId == id).Select(s => s.NeedScore).FirstAsync()));
    }

    public static TheoryData<int?, int?, int?, string> BadScores => new()
    {
        { 0, 3, 3, "need" },
        { 3, 6, 3, "feasibility" },
        { 3, 3, null, "benefit" },
        { null, 3, 3, "need" },
        { -1, 3, 3, "need" },
    };

    [Theory]
    [MemberData(nameof(BadScores))]
    public async Task Score_BadValue_Returns400WithFieldErrorAndStoresNothing(int? need, int? feasibility, int? benefit, string field)
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);

        var response = await client.PostAsJsonAsync($"/api/v1/roadshows/{id}/scores", new { projectId = actors.ProjectA, need, feasibility, benefit });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemJson.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));
    }

    [Fact]
    public async Task Score_ProjectNotInLineupOrCommentTooLong_Returns400()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);
        var outsider = await _data.PublishedProjectAsync(actors.Community, "没上台的项目");

        var notInLineup = await RoadshowsTestData.ScoreAsync(client, id, outsider, 3, 3, 3);
        var longComment = await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 3, 3, 3, new string('长', RoadshowScore.CommentMax + 1));

        Assert.Equal("这个项目不在本场路演中", (await ProblemJson.ReadAsync(notInLineup)).GetProperty("errors").GetProperty("projectId")[0].GetString());
        Assert.Equal("意见不能超过 500 个字", (await ProblemJson.ReadAsync(longComment)).GetProperty("errors").GetProperty("comment")[0].GetString());
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowScore>().CountAsync(s => s.RoadshowId == id)));
    }
}

[Collection(SqliteLane.Name)]
public sealed class ScoreProjectTestsOnSqlite(SqliteAppFactory factory) : ScoreProjectTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ScoreProjectTestsOnPostgres(PostgresAppFactory factory) : ScoreProjectTests(factory);
