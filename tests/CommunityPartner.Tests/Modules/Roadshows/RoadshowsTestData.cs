using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>A community with staff and two published projects, ready to be pitched.</summary>
public sealed record RoadshowActors(CommunityRef Community, UserRef Staff, HttpClient StaffClient, Guid ProjectA, Guid ProjectB);

/// <summary>
/// Builders for roadshows. Projects are made and published straight through the DbContext (test setup: the projects
/// module's own API is not this module's concern); roadshows are organised and moved over the real API.
/// </summary>
public sealed class RoadshowsTestData(AppFactory factory)
{
    public async Task<RoadshowActors> ActorsAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        return new RoadshowActors(community, staff, await factory.Data.ApiClientAsync(staff),
            await PublishedProjectAsync(community, "路演项目甲"), await PublishedProjectAsync(community, "路演项目乙"));
    }

    public async Task<Guid> PublishedProjectAsync(CommunityRef community, string title, bool publish = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var category = await db.Set<NeedCategory>().FirstAsync(c => c.Code == "other");
        var project = Project.Create(
            new ProjectDraft(community.Id, category.Id, title, $"{title}的简介", "", "", null, null, OperatingModel.PublicGood, "", 1000),
            [new ResourceNeedDraft(null, ResourceKind.Funding, "资金", null, 1000, true)], Guid.NewGuid(), DateTime.UtcNow);
        if (publish)
        {
            project.Publish(Guid.NewGuid(), DateTime.UtcNow);
        }

        db.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>A valid form: scoring opens in a day (organisers open it "now" through the API to reach the window).</summary>
    public Dictionary<string, object?> Body(IEnumerable<Guid> projectIds, int capacity = 50, string? title = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return new Dictionary<string, object?>
        {
            ["title"] = title ?? "测试路演",
            ["description"] = "测试用的路演",
            ["venue"] = "测试会场",
            ["startsAt"] = now.AddDays(1),
            ["capacity"] = capacity,
            ["scoringOpensAt"] = now.AddDays(1),
            ["scoringClosesAt"] = now.AddDays(1).AddHours(3),
            ["projectIds"] = projectIds.ToArray(),
        };
    }

    public static async Task<Guid> CreateAsync(HttpClient organiser, Dictionary<string, object?> body)
    {
        var response = await organiser.PostAsJsonAsync("/api/v1/roadshows", body);
        await EnsureAsync(response, "create roadshow");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> RoadshowAsync(RoadshowActors actors, int capacity = 50) =>
        await CreateAsync(actors.StaffClient, Body([actors.ProjectA, actors.ProjectB], capacity));

    /// <summary>A roadshow whose scoring window is open now.</summary>
    public async Task<Guid> ScoringAsync(RoadshowActors actors)
    {
        var id = await RoadshowAsync(actors);
        await EnsureAsync(await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null), "open scoring");
        return id;
    }

    public static async Task CloseAsync(RoadshowActors actors, Guid id) =>
        await EnsureAsync(await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/close-scoring", null), "close scoring");

    public async Task<(UserRef User, HttpClient Client)> AttendeeAsync(RoadshowActors actors, Guid id, string name = "参会居民", params string[] roles)
    {
        var user = await factory.Data.UserAsync(actors.Community, name, roles);
        var client = await factory.Data.ApiClientAsync(user);
        await EnsureAsync(await client.PostAsync($"/api/v1/roadshows/{id}/rsvp", null), "rsvp");
        return (user, client);
    }

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient client, Guid id, Guid projectId, int need, int feasibility, int benefit, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/roadshows/{id}/scores", new { projectId, need, feasibility, benefit, comment });

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
