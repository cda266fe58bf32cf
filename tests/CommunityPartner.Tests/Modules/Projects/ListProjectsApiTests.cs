using System.Net;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>The public list: published projects only, filtered, in keyset pages, with counts per status.</summary>
public abstract class ListProjectsApiTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task List_FiltersCountsAndNeverDrafts()
    {
        var actors = await _needs.ActorsAsync();
        var word = $"w{Guid.NewGuid():N}"[..9];
        var made = new Dictionary<ProjectStatus, Guid>();
        foreach (var status in new[] { ProjectStatus.Draft, ProjectStatus.Recruiting, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Cancelled })
        {
            var body = ProjectsTestData.Body(actors.Community, title: $"项目 {word} {status}");
            made[status] = await _projects.ProjectAsync(actors.StaffClient, actors.Community, status, body: body);
        }

        var repairs = ProjectsTestData.Body(actors.Community, title: "楼道灯维修");
        repairs["categoryCode"] = "repairs";
        var repairsId = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, body: repairs);
        var elsewhere = await _needs.ActorsAsync();
        await _projects.ProjectAsync(elsewhere.StaffClient, elsewhere.Community, ProjectStatus.Recruiting, body: ProjectsTestData.Body(elsewhere.Community, title: $"别处 {word}"));
        using var visitor = await factory.Data.ApiClientAsync(null);

        var all = await ListAsync(visitor, $"community={actors.Community.Code}");
        Assert.Equal(
            new[] { made[ProjectStatus.Recruiting], made[ProjectStatus.InProgress], made[ProjectStatus.Completed], made[ProjectStatus.Cancelled], repairsId }.Order(),
            Ids(all).Order());
        Assert.All(all.GetProperty("items").EnumerateArray(), p => Assert.Equal(actors.Community.Code, p.GetProperty("communityCode").GetString()));
        var counts = all.GetProperty("counts");
        Assert.Equal((2, 0, 1, 1, 0, 1), (counts.GetProperty("recruiting").GetInt32(), counts.GetProperty("matched").GetInt32(), counts.GetProperty("in_progress").GetInt32(),
            counts.GetProperty("completed").GetInt32(), counts.GetProperty("operating").GetInt32(), counts.GetProperty("cancelled").GetInt32()));
        Assert.False(counts.TryGetProperty("draft", out _));

        Assert.Equal([made[ProjectStatus.InProgress]], Ids(await ListAsync(visitor, $"community={actors.Community.Code}&status=in_progress")));
        Assert.Equal([repairsId], Ids(await ListAsync(visitor, $"community={actors.Community.Code}&category=repairs")));
        var searched = Ids(await ListAsync(visitor, $"q={word}"));
        Assert.Equal(5, searched.Count);
        Assert.DoesNotContain(made[ProjectStatus.Draft], searched);
        Assert.Equal(4, Ids(await ListAsync(visitor, $"community={actors.Community.Code}&q={word}")).Count);
        Assert.DoesNotContain(made[ProjectStatus.Draft], Ids(await ListAsync(await factory.Data.ApiClientAsync(actors.Staff), $"community={actors.Community.Code}")));
    }

    [Fact]
    public async Task List_KeysetPages_WalkEveryProjectOnceNewestFirst()
    {
        var actors = await _needs.ActorsAsync();
        var made = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            made.Add(await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting));
        }

        using var visitor = await factory.Data.ApiClientAsync(null);
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(visitor, $"community={actors.Community.Code}&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(made), seen);
    }

    [Theory]
    [InlineData("status=draft", "status")]
    [InlineData("status=finished", "status")]
    [InlineData("community=no-such-community", "community")]
    [InlineData("category=no-such-category", "category")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_BadFilter_Is400WithFieldError(string query, string field)
    {
        using var visitor = await factory.Data.ApiClientAsync(null);

        var response = await visitor.GetAsync($"/api/v1/projects?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    private static Task<JsonElement> ListAsync(HttpClient client, string query) => ProjectsTestData.GetJsonAsync(client, $"/api/v1/projects?{query}");

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];
}

[Collection(SqliteLane.Name)]
public sealed class ListProjectsApiTestsOnSqlite(SqliteAppFactory factory) : ListProjectsApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ListProjectsApiTestsOnPostgres(PostgresAppFactory factory) : ListProjectsApiTests(factory);
