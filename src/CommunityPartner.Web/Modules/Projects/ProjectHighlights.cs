using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <inheritdoc cref="IProjectHighlights"/>
internal sealed class ProjectHighlights(AppDbContext db) : IProjectHighlights
{
    public async Task<IReadOnlyList<ProjectHighlight>> FindAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        var ids = projectIds.Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Include(p => p.Needs).Where(p => ids.Contains(p.Id) && p.Status != ProjectStatus.Draft && p.PublishedAt != null && p.CompletedAt != null)
            .ToListAsync(ct);
        var found = projects.Select(p => p.Id).ToList();
        var updates = await db.Set<ProjectUpdate>().AsNoTracking().Where(u => found.Contains(u.ProjectId)).Select(u => new { u.Id, u.ProjectId, u.At }).ToListAsync(ct);
        var photos = await db.Set<ProjectPhoto>().AsNoTracking().Where(p => found.Contains(p.ProjectId)).Select(p => new { p.Id, p.ProjectId, p.UpdateId, p.At }).ToListAsync(ct);
        return [.. projects.OrderBy(p => ids.IndexOf(p.Id)).Select(p =>
        {
            var last = updates.Where(u => u.ProjectId == p.Id && u.At >= p.CompletedAt).OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
                .FirstOrDefault(u => photos.Any(f => f.UpdateId == u.Id));
            var after = last is null ? [] : photos.Where(f => f.UpdateId == last.Id).OrderBy(f => f.At).ThenBy(f => f.Id).Take(ProjectUpdate.MaxPhotos).Select(f => Photo(p.Id, f.Id)).ToList();
            return new ProjectHighlight(
                p.Id, p.CommunityId, p.Title, p.Summary, p.CompletedAt!.Value, p.CoverPhotoId is { } cover ? Photo(p.Id, cover) : null, after, [.. p.LinkedNeedIds]);
        })];
    }

    private static HighlightPhoto Photo(Guid projectId, Guid photoId) => new(photoId, $"/projects/{projectId}/photos/{photoId}");
}
