using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <inheritdoc cref="IProjectCatalog"/>
internal sealed class ProjectCatalog(AppDbContext db) : IProjectCatalog
{
    public async Task<IReadOnlyList<ProjectBrief>> FindAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        var ids = projectIds.Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status != ProjectStatus.Draft && p.PublishedAt != null).ToListAsync(ct);
        return [.. projects.OrderBy(p => ids.IndexOf(p.Id)).Select(Brief)];
    }

    public async Task<IReadOnlyList<ProjectBrief>> ListPitchableAsync(Guid? communityId, CancellationToken ct)
    {
        var query = db.Set<Project>().AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Recruiting || p.Status == ProjectStatus.Matched || p.Status == ProjectStatus.InProgress);
        if (communityId is { } c)
        {
            query = query.Where(p => p.CommunityId == c);
        }

        var projects = await query.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        return [.. projects.Select(Brief)];
    }

    public async Task<IReadOnlyList<ProjectFact>> FactsAsync(Guid? communityId, CancellationToken ct)
    {
        var query = db.Set<Project>().AsNoTracking().Where(p => p.Status != ProjectStatus.Draft && p.PublishedAt != null);
        if (communityId is { } c)
        {
            query = query.Where(p => p.CommunityId == c);
        }

        var projects = await query.OrderByDescending(p => p.CompletedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. projects.Select(p => new ProjectFact(
            p.Id, p.CommunityId, p.Title, ProjectText.StatusCode(p.Status), ProjectText.StatusKey(p.Status), p.CompletedAt, p.OperatingSince, p.Status == ProjectStatus.Operating))];
    }

    internal static ProjectBrief Brief(Project p) =>
        new(p.Id, p.CommunityId, p.Title, p.Summary, ProjectText.StatusCode(p.Status), ProjectText.StatusKey(p.Status), p.IsPublic, p.CoverPhotoId);
}
