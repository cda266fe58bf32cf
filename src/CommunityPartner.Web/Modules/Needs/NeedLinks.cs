using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs;

/// <inheritdoc cref="INeedLinks"/>
internal sealed class NeedLinks(AppDbContext db, NeedPeople people, INotifier notifier, AuditLog audit, TimeProvider clock) : INeedLinks
{
    public async Task<IReadOnlyList<NeedBrief>> FindAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct)
    {
        var ids = needIds.Distinct().ToList();
        var needs = await db.Set<Need>().AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        return [.. needs.OrderBy(n => ids.IndexOf(n.Id)).Select(Brief)];
    }

    public async Task<IReadOnlyList<NeedBrief>> ListLinkableAsync(Guid communityId, int limit, CancellationToken ct)
    {
        var needs = await db.Set<Need>().AsNoTracking()
            .Where(n => n.CommunityId == communityId && n.ProjectId == null
                && (n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress))
            .OrderByDescending(n => n.SupportCount).ThenByDescending(n => n.SubmittedAt).Take(limit).ToListAsync(ct);
        return [.. needs.Select(Brief)];
    }

    public async Task<IReadOnlyList<CategoryBrief>> CategoriesAsync(CancellationToken ct) =>
        await db.Set<NeedCategory>().AsNoTracking().OrderBy(c => c.SortOrder)
            .Select(c => new CategoryBrief(c.Id, c.Code, c.Name, c.NameEn, c.IsActive)).ToListAsync(ct);

    public async Task<IReadOnlyList<Guid>> FollowersAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct)
    {
        var ids = needIds.Distinct().ToList();
        var supporters = await db.Set<NeedSupport>().Where(s => ids.Contains(s.NeedId)).Select(s => s.UserId).ToListAsync(ct);
        var raisers = await db.Set<Need>().Where(n => ids.Contains(n.Id) && n.RaiserId != null).Select(n => n.RaiserId!.Value).ToListAsync(ct);
        return [.. supporters.Concat(raisers).Distinct()];
    }

    public Task LinkAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, CancellationToken ct) =>
        ApplyAsync(needIds, project, staffId, "needs.link-project", "你关注的诉求“{0}”已纳入社区项目“{1}”",
            need => need.LinkToProject(project.Id, project.Title, staffId, Now), ct);

    public Task UnlinkAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, CancellationToken ct) =>
        ApplyAsync(needIds, project, staffId, "needs.unlink-project", "项目“{1}”不再承接诉求“{0}”，社区会继续办理",
            need => need.UnlinkFromProject(project.Id, project.Title, staffId, Now), ct);

    public async Task ResolveAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, string whatWasDone, CancellationToken ct)
    {
        var needs = await LoadAsync(needIds, ct);
        foreach (var need in needs.Where(n => n.IsOpen && n.ProjectId == project.Id))
        {
            var before = need.Snapshot();
            if (need.Status == NeedStatus.Submitted)
            {
                need.Start(staffId, null, Now);
            }

            need.Resolve(staffId, whatWasDone, Now);
            audit.Record("needs.resolve-by-project", nameof(Need), need.Id, before, need.Snapshot(), need.CommunityId);
            var followers = await people.FollowersAsync(need.Id, need.RaiserId, ct);
            var link = $"/needs/{need.Id}";
            if (need.RaiserId is { } raiser)
            {
                notifier.Notify([raiser], "诉求“{0}”已由社区项目“{1}”解决，请评价", link, [need.Title, project.Title], except: staffId);
                followers.Remove(raiser);
            }

            notifier.Notify(followers, "诉求“{0}”已由社区项目“{1}”解决", link, [need.Title, project.Title], except: staffId);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task ApplyAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, string action, string messageKey, Action<Need> move, CancellationToken ct)
    {
        foreach (var need in await LoadAsync(needIds, ct))
        {
            var before = need.Snapshot();
            move(need);
            audit.Record(action, nameof(Need), need.Id, before, need.Snapshot(), need.CommunityId);
            var followers = await people.FollowersAsync(need.Id, need.RaiserId, ct);
            notifier.Notify(followers, messageKey, $"/needs/{need.Id}", [need.Title, project.Title], except: staffId);
        }
    }

    private async Task<List<Need>> LoadAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct)
    {
        var ids = needIds.Distinct().ToList();
        var needs = await db.Set<Need>().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        if (needs.Count != ids.Count)
        {
            throw new Platform.Web.DomainException("有诉求已不存在，请刷新后再试");
        }

        return needs;
    }

    internal static NeedBrief Brief(Need n) =>
        new(n.Id, n.CommunityId, n.Title, NeedText.StatusCode(n.Status), NeedText.StatusKey(n.Status), n.IsOpen, n.ProjectId, n.SupportCount, n.SubmittedAt);
}
