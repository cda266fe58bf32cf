using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// Builders for needs. Needs are raised and moved through their states over the real API, as a resident and the
/// community's staff would, so a built need has the same rows, events and counts a real one has.
/// </summary>
public sealed class NeedsTestData(AppFactory factory)
{
    /// <summary>A fresh community with a resident and a staff member, each with a bearer client.</summary>
    public async Task<NeedActors> ActorsAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var raiser = await factory.Data.UserAsync(community, "提诉求的居民");
        var staff = await factory.Data.StaffAsync(community);
        return new NeedActors(community, raiser, await factory.Data.ApiClientAsync(raiser), staff, await factory.Data.ApiClientAsync(staff));
    }

    /// <summary>Raises a need as the resident behind <paramref name="raiserClient"/>; returns its id.</summary>
    public static async Task<Guid> RaiseAsync(HttpClient raiserClient, CommunityRef community, NeedWords? words = null, string category = "sanitation")
    {
        words ??= NeedWords.Plain();
        var response = await raiserClient.PostAsJsonAsync("/api/v1/needs", new
        {
            communityCode = community.Code,
            categoryCode = category,
            title = words.Title,
            description = words.Description,
            address = words.Address,
        });
        await EnsureAsync(response, "raise");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Raises a need and moves it to <paramref name="status"/> through the API (staff answers, raiser rates).</summary>
    public static async Task<Guid> NeedAsync(NeedActors actors, NeedStatus status, NeedWords? words = null)
    {
        var id = await RaiseAsync(actors.RaiserClient, actors.Community, words);
        switch (status)
        {
            case NeedStatus.Submitted:
                break;
            case NeedStatus.Rejected:
                await MoveAsync(actors.StaffClient, id, "reject", "不属于社区办理范围");
                break;
            case NeedStatus.Merged:
                var target = await RaiseAsync(actors.RaiserClient, actors.Community);
                await MergeAsync(actors.StaffClient, id, target);
                break;
            default:
                await MoveAsync(actors.StaffClient, id, "respond", "收到，马上安排");
                if (status is NeedStatus.Responded)
                {
                    break;
                }

                await MoveAsync(actors.StaffClient, id, "start", null);
                if (status is NeedStatus.InProgress)
                {
                    break;
                }

                await MoveAsync(actors.StaffClient, id, "resolve", "已经清理干净");
                if (status is NeedStatus.Rated)
                {
                    await RateAsync(actors.RaiserClient, id, "satisfied", null);
                }

                break;
        }

        return id;
    }

    /// <summary>POSTs an answering move; <paramref name="text"/> is the merge target's id for "merge".</summary>
    public static Task<HttpResponseMessage> PostMoveAsync(HttpClient client, Guid needId, string move, string? text) =>
        move == "merge"
            ? client.PostAsJsonAsync($"/api/v1/needs/{needId}/merge", new { targetId = text is null ? (Guid?)null : Guid.Parse(text) })
            : client.PostAsJsonAsync($"/api/v1/needs/{needId}/{move}", new { text });

    public static async Task MoveAsync(HttpClient staffClient, Guid needId, string move, string? text) =>
        await EnsureAsync(await PostMoveAsync(staffClient, needId, move, text), move);

    public static async Task MergeAsync(HttpClient staffClient, Guid needId, Guid targetId) =>
        await MoveAsync(staffClient, needId, "merge", targetId.ToString());

    public static async Task RateAsync(HttpClient raiserClient, Guid needId, string satisfaction, string? comment) =>
        await EnsureAsync(await raiserClient.PostAsJsonAsync($"/api/v1/needs/{needId}/rating", new { satisfaction, comment }), "rate");

    public static async Task SupportAsync(HttpClient residentClient, Guid needId) =>
        await EnsureAsync(await residentClient.PostAsync($"/api/v1/needs/{needId}/supports", null), "support");

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Need> LoadAsync(Guid needId) => QueryAsync(db => db.Set<Need>().AsNoTracking()
        .Include(n => n.Events).Include(n => n.Ratings).SingleAsync(n => n.Id == needId));

    /// <summary>The audit actions recorded against a need, oldest first.</summary>
    public Task<List<AuditEntry>> AuditOfAsync(Guid needId) => QueryAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.EntityType == nameof(Need) && a.EntityId == needId.ToString()).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The notification texts (keys) a person got about a need.</summary>
    public Task<List<string>> NotificationsAsync(Guid userId, Guid needId) => QueryAsync(db => db.Set<Notification>().AsNoTracking()
        .Where(n => n.UserId == userId && n.Link == $"/needs/{needId}").OrderBy(n => n.Id).Select(n => n.TextKey).ToListAsync());

    public Task<List<Guid>> SupportersAsync(Guid needId) => QueryAsync(db => db.Set<NeedSupport>()
        .Where(s => s.NeedId == needId).Select(s => s.UserId).ToListAsync());

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

public sealed record NeedActors(CommunityRef Community, UserRef Raiser, HttpClient RaiserClient, UserRef Staff, HttpClient StaffClient);

/// <summary>What a need says.</summary>
public sealed record NeedWords(string Title, string Description, string Address)
{
    public static NeedWords Plain() => new($"垃圾房满溢 {Guid.NewGuid():N}"[..20], "小区东门垃圾房两天没人清运，气味很大。", "东门垃圾房");
}
