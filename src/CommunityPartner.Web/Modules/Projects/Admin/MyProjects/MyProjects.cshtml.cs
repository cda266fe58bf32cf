using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.Admin.MyProjects;

public sealed record MyProjectRow(Guid Id, string Title, ProjectStatus Status, string Community, DateTime CreatedAt, DateTime? PublishedAt, int NeedCount);

/// <summary>Staff's own community's projects, drafts included, newest first; the district admin sees every community's.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyProjectsModel(AppDbContext db, ICommunityDirectory communities) : PageModel
{
    public IReadOnlyList<MyProjectRow> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Set<Project>().AsNoTracking();
        if (!User.IsInRole(Roles.DistrictAdmin))
        {
            var own = User.CommunityId() ?? Guid.Empty;
            query = query.Where(p => p.CommunityId == own);
        }

        var names = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var rows = await query.OrderBy(p => p.Status == ProjectStatus.Cancelled).ThenByDescending(p => p.CreatedAt).Take(200)
            .Select(p => new { p.Id, p.Title, p.Status, p.CommunityId, p.CreatedAt, p.PublishedAt, Needs = p.Needs.Count(n => n.UnlinkedAt == null) })
            .ToListAsync(ct);
        Projects = [.. rows.Select(r => new MyProjectRow(r.Id, r.Title, r.Status, names.GetValueOrDefault(r.CommunityId, ""), r.CreatedAt, r.PublishedAt, r.Needs))];
    }
}
