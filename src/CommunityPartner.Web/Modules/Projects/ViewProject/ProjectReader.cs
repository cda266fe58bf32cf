using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.ViewProject;

/// <param name="Kind">funding, service or resource.</param>
/// <param name="Yuan">The amount for funding; the estimated value of a service or resource.</param>
public sealed record AskView(Guid Id, string Kind, string KindKey, string Title, int? Hours, long Yuan, bool IsKey);

public sealed record LinkedNeedView(Guid Id, string Title, string Status, string StatusKey, int SupportCount, bool Current)
{
    public string Link => $"/needs/{Id}";
}

public sealed record MilestoneView(Guid Id, string Title, DateOnly PlannedOn, DateOnly? ReachedOn, string? Note);

public sealed record UpdateView(Guid Id, string Text, DateTime At, IReadOnlyList<Guid> PhotoIds);

public sealed record StoryEntry(DateTime At, string Kind, string KindKey, string? Text);

/// <summary>The public view of a project, the same on its page and in the API.</summary>
public sealed record ProjectDetails(
    Guid Id, string CommunityCode, string CommunityName, string CategoryCode, string CategoryName, string Title, string Summary,
    string Description, string Address, double? Latitude, double? Longitude, string Status, string StatusKey, string Model,
    string ModelKey, string UpkeepPlan, long BudgetYuan, DateTime? PublishedAt, DateTime? StartedAt, DateTime? CompletedAt,
    DateTime? OperatingSince, DateTime? CancelledAt, string? CancelReason, string? CompletionSummary, Guid? CoverPhotoId,
    IReadOnlyList<AskView> Asks, IReadOnlyList<LinkedNeedView> Needs, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<UpdateView> Updates, IReadOnlyList<StoryEntry> Story)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid CommunityId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }
}

/// <summary>
/// Reads a project for its page and the API. A draft is seen only by those who may run the project; to anyone else
/// it does not exist.
/// </summary>
public sealed class ProjectReader(AppDbContext db, ICommunityDirectory communities, INeedLinks needs)
{
    public async Task<ProjectDetails?> FindAsync(Guid id, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking()
            .Include(p => p.Asks).Include(p => p.Needs).Include(p => p.Milestones).Include(p => p.Events)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || (!project.IsPublic && !ProjectPeople.CanManage(viewer, project.CommunityId)))
        {
            return null;
        }

        var community = await communities.FindByIdAsync(project.CommunityId, ct);
        var category = (await needs.CategoriesAsync(ct)).FirstOrDefault(c => c.Id == project.CategoryId);
        var current = project.LinkedNeedIds.ToHashSet();
        var linked = await needs.FindAsync([.. project.Needs.OrderBy(n => n.LinkedAt).Select(n => n.NeedId).Distinct()], ct);
        var updates = await db.Set<ProjectUpdate>().AsNoTracking().Where(u => u.ProjectId == id).OrderByDescending(u => u.At).ToListAsync(ct);
        var photos = await db.Set<ProjectPhoto>().AsNoTracking().Where(p => p.ProjectId == id && p.UpdateId != null)
            .OrderBy(p => p.At).Select(p => new { p.Id, p.UpdateId }).ToListAsync(ct);

        return new ProjectDetails(
            project.Id, community?.Code ?? "", community?.DisplayName ?? "", category?.Code ?? "", category?.DisplayName ?? "",
            project.Title, project.Summary, project.Description, project.Address, project.Latitude, project.Longitude,
            ProjectText.StatusCode(project.Status), ProjectText.StatusKey(project.Status), ProjectText.ModelCode(project.Model),
            ProjectText.ModelKey(project.Model), project.UpkeepPlan, project.BudgetYuan, project.PublishedAt, project.StartedAt,
            project.CompletedAt, project.OperatingSince, project.CancelledAt, project.CancelReason, project.CompletionSummary, project.CoverPhotoId,
            [.. project.Asks.OrderBy(a => a.SortOrder).Select(a => new AskView(a.Id, ProjectText.KindCode(a.Kind), ProjectText.KindKey(a.Kind), a.Title, a.Hours, a.Yuan, a.IsKey))],
            [.. linked.Where(n => current.Contains(n.Id) || project.Status is ProjectStatus.Completed or ProjectStatus.Operating)
                .Select(n => new LinkedNeedView(n.Id, n.Title, n.StatusCode, n.StatusKey, n.SupportCount, current.Contains(n.Id)))],
            [.. project.Milestones.OrderBy(m => m.SortOrder).Select(m => new MilestoneView(m.Id, m.Title, m.PlannedOn, m.ReachedOn, m.Note))],
            [.. updates.Select(u => new UpdateView(u.Id, u.Text, u.At, [.. photos.Where(p => p.UpdateId == u.Id).Select(p => p.Id)]))],
            [.. project.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new StoryEntry(e.At, e.Kind.ToString(), ProjectText.EventKey(e.Kind), e.Text))])
        {
            CommunityId = project.CommunityId,
            Version = project.Version,
        };
    }
}
