using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>Results: hidden from everyone until the window closes (API), then averages and counts with representatives apart.</summary>
public abstract class RoadshowResultsTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task Results_BeforeClose_AreRefusedAndAbsentFromDetails()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);
        await RoadshowsTestData.ScoreAsync(client, id, actors.ProjectA, 5, 5, 5, "秘密意见");
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        foreach (var viewer in new[] { client, actors.StaffClient, admin })
        {
            var results = await viewer.GetAsync($"/api/v1/roadshows/{id}/results");
            Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
            Assert.Equal("评分结束后才公布结果，在此之前谁也看不到别人的评分", (await ProblemJson.ReadAsync(results)).GetProperty("detail").GetString());
            var details = await viewer.GetStringAsync($"/api/v1/roadshows/{id}");
            Assert.DoesNotContain("秘密意见", details, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(details).RootElement.GetProperty("results").ValueKind);
        }

        var staffView = await actors.StaffClient.GetFromJsonAsync<JsonElement>($"/api/v1/roadshows/{id}/me");
        Assert.Empty(staffView.GetProperty("scores").EnumerateArray());
    }

    [Fact]
    public async Task Results_AfterClose_AverageByGroupWithCountsAndAnonymousComments()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);
        var (_, first) = await _data.AttendeeAsync(actors, id, "王大妈");
        var (_, second) = await _data.AttendeeAsync(actors, id, "李大爷");
        using var representative = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(null, "吴代表", Roles.Representative));
        await RoadshowsTestData.ScoreAsync(first, id, actors.ProjectA, 5, 4, 3, "很需要");
        await RoadshowsTestData.ScoreAsync(first, id, actors.ProjectA, 4, 4, 3, "很需要，但要再想想");
        await RoadshowsTestData.ScoreAsync(second, id, actors.ProjectA, 3, 3, 3);
        await RoadshowsTestData.ScoreAsync(representative, id, actors.ProjectA, 1, 2, 2, "代表意见");
        await RoadshowsTestData.CloseAsync(actors, id);
        using var visitor = await factory.Data.ApiClientAsync(null);

        var response = await visitor.GetAsync($"/api/v1/roadshows/{id}/results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("王大妈", text, StringComparison.Ordinal);
        var results = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        Assert.Equal([actors.ProjectA, actors.ProjectB], results.Select(r => r.GetProperty("projectId").GetGuid()));
        var a = results[0];
        AssertSummary(a.GetProperty("attendees"), 2, 3.5, 3.5, 3, 3.33);
        AssertSummary(a.GetProperty("representatives"), 1, 1, 2, 2, 1.67);
        AssertSummary(a.GetProperty("all"), 3, 2.67, 3, 2.67, 2.78);
        Assert.Equal(
            [("很需要，但要再想想", false), ("代表意见", true)],
            a.GetProperty("comments").EnumerateArray().Select(c => (c.GetProperty("text").GetString(), c.GetProperty("byRepresentative").GetBoolean())));
        var b = results[1].GetProperty("all");
        Assert.Equal((0, JsonValueKind.Null), (b.GetProperty("count").GetInt32(), b.GetProperty("overall").ValueKind));
        var details = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/roadshows/{id}");
        Assert.Equal("closed", details.GetProperty("phase").GetString());
        Assert.Equal(2, details.GetProperty("results").GetArrayLength());
    }

    private static void AssertSummary(JsonElement summary, int count, double need, double feasibility, double benefit, double overall)
    {
        Assert.Equal(count, summary.GetProperty("count").GetInt32());
        Assert.Equal(need, summary.GetProperty("need").GetDouble(), 2);
        Assert.Equal(feasibility, summary.GetProperty("feasibility").GetDouble(), 2);
        Assert.Equal(benefit, summary.GetProperty("benefit").GetDouble(), 2);
        Assert.Equal(overall, summary.GetProperty("overall").GetDouble(), 2);
    }
}

[Collection(SqliteLane.Name)]
public sealed class RoadshowResultsTestsOnSqlite(SqliteAppFactory factory) : RoadshowResultsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RoadshowResultsTestsOnPostgres(PostgresAppFactory factory) : RoadshowResultsTests(factory);
