using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// Builders for projects, over the real API as the community's staff would: a project is created from needs residents
/// raised, then moved along its life.
/// </summary>
public sealed class ProjectsTestData(AppFactory factory)
{
    /// <summary>A valid project body; tests change single members to make it bad.</summary>
    public static Dictionary<string, object?> Body(CommunityRef community, IEnumerable<Guid>? needIds = null, string? title = null) => new()
    {
        ["communityCode"] = community.Code,
        ["categoryCode"] = "sanitation",
        ["title"] = title ?? $"垃圾房改造 {Guid.NewGuid():N}"[..16],
        ["summary"] = "把旧垃圾房改成绿色驿站",
        ["description"] = "拆除旧垃圾房，建设分类投放的绿色驿站。",
        ["address"] = "3 栋旁",
        ["model"] = "dual_wheel",
        ["upkeepPlan"] = "驿站由物业和回收企业共同运营",
        ["budgetYuan"] = 80_000,
        ["asks"] = new object[]
        {
            new { kind = "funding", title = "改造资金", yuan = 50_000 },
            new { kind = "service", title = "设计服务", hours = 40, yuan = 8_000 },
        },
        ["needIds"] = (needIds ?? []).ToArray(),
    };

    public static async Task<Guid> CreateAsync(HttpClient staffClient, CommunityRef community, IEnumerable<Guid>? needIds = null, string? title = null) =>
        await CreateAsync(staffClient, Body(community, needIds, title));

    public static async Task<Guid> CreateAsync(HttpClient staffClient, Dictionary<string, object?> body)
    {
        var response = await staffClient.PostAsJsonAsync("/api/v1/projects", body);
        await EnsureAsync(response, "create");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostMoveAsync(HttpClient client, Guid projectId, string move, string? text = null) =>
        client.PostAsJsonAsync($"/api/v1/projects/{projectId}/{move}", new { text = text ?? (move is "complete" or "cancel" ? $"{move} 的说明" : null) });

    public static async Task MoveAsync(HttpClient client, Guid projectId, string move, string? text = null) =>
        await EnsureAsync(await PostMoveAsync(client, projectId, move, text), move);

    /// <summary>Creates a project and brings it to <paramref name="status"/> over the API (matched is set in the database: the cooperation module does it).</summary>
    public async Task<Guid> ProjectAsync(HttpClient staffClient, CommunityRef community, ProjectStatus status, IEnumerable<Guid>? needIds = null, Dictionary<string, object?>? body = null)
    {
        var id = await CreateAsync(staffClient, body ?? Body(community, needIds));
        var moves = status switch
        {
            ProjectStatus.Draft => [],
            ProjectStatus.Recruiting or ProjectStatus.Matched => ["publish"],
            ProjectStatus.InProgress => ["publish", "start"],
            ProjectStatus.Completed => ["publish", "start", "complete"],
            ProjectStatus.Operating => ["publish", "start", "complete", "operate"],
            ProjectStatus.Cancelled => new[] { "publish", "cancel" },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var move in moves)
        {
            await MoveAsync(staffClient, id, move);
        }

        if (status == ProjectStatus.Matched)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var project = await db.Set<Project>().SingleAsync(p => p.Id == id);
            project.MarkMatched(Guid.NewGuid(), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        return id;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Project> LoadAsync(Guid projectId) => QueryAsync(db => db.Set<Project>().AsNoTracking()
        .Include(p => p.Events).Include(p => p.Asks).Include(p => p.Needs).Include(p => p.Milestones).AsSplitQuery().SingleAsync(p => p.Id == projectId));

    /// <summary>Rows of every project table, to show a refused request stored nothing.</summary>
    public Task<(int Projects, int Asks, int Links, int Milestones, int Updates, int Photos, int Events)> CountRowsAsync() => QueryAsync(async db => (
        await db.Set<Project>().CountAsync(),
        await db.Set<ResourceNeed>().CountAsync(),
        await db.Set<ProjectNeed>().CountAsync(),
        await db.Set<ProjectMilestone>().CountAsync(),
        await db.Set<ProjectUpdate>().CountAsync(),
        await db.Set<ProjectPhoto>().CountAsync(),
        await db.Set<ProjectEvent>().CountAsync()));

    public string[] FilesOf(Guid projectId)
    {
        var folder = Path.Combine(factory.StorageRoot, "projects", projectId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await EnsureAsync(response, url);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
