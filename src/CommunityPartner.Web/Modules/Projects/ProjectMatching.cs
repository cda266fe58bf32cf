using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <inheritdoc cref="IProjectMatching"/>
internal sealed class ProjectMatching(AppDbContext db, AuditLog audit, TimeProvider clock) : IProjectMatching
{
    public async Task<ProjectWithAsks?> FindWithAsksAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().Include(p => p.Asks)
            .FirstOrDefaultAsync(p => p.Id == projectId && p.Status != ProjectStatus.Draft && p.PublishedAt != null, ct);
        return project is null ? null : WithAsks(project);
    }

    public async Task<IReadOnlyList<ProjectWithAsks>> ListRecruitingAsync(CancellationToken ct)
    {
        var projects = await db.Set<Project>().AsNoTracking().Include(p => p.Asks)
            .Where(p => p.Status == ProjectStatus.Recruiting && p.PublishedAt != null)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        return [.. projects.Select(WithAsks)];
    }

    public async Task MarkMatchedAsync(Guid projectId, Guid staffId, CancellationToken ct)
    {
        var project = await db.Set<Project>().Include(p => p.Asks).FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new DomainException("未找到这个项目");
        var before = project.Snapshot();
        project.MarkMatched(staffId, clock.GetUtcNow().UtcDateTime);
        audit.Record("projects.match", nameof(Project), project.Id, before, project.Snapshot(), project.CommunityId, staffId);
    }

    private static ProjectWithAsks WithAsks(Project project) =>
        new(ProjectCatalog.Brief(project), [.. project.Asks.OrderBy(a => a.SortOrder).Select(a =>
            new ProjectAsk(a.Id, ProjectText.KindCode(a.Kind), ProjectText.KindKey(a.Kind), a.Title, a.Hours, a.Yuan, a.IsKey))]);
}
