using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>A highlight card: a completed project with its before/after photos and the needs it answered (title and status only).</summary>
public sealed record BillHighlight(ProjectHighlight Project, IReadOnlyList<NeedBrief> Needs);

/// <summary>
/// 亮点 (highlights): the projects the 完成的项目 figure counts — published projects completed in the period, the
/// live ones for a draft, the frozen ids for a published version — each with its before photo (the cover), after
/// photos (those of its latest progress update with photos posted at or after completion) and the needs it answered.
/// </summary>
public sealed class BillHighlightsReader(IProjectHighlights projects, INeedLinks needs)
{
    public async Task<IReadOnlyList<BillHighlight>> ReadAsync(IReadOnlyList<string> completedProjectIds, CancellationToken ct)
    {
        var ids = completedProjectIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var found = await projects.FindAsync(ids, ct);
        var answered = await needs.FindAsync([.. found.SelectMany(p => p.NeedIds).Distinct()], ct);
        var byId = answered.ToDictionary(n => n.Id);
        return [.. found.Select(p => new BillHighlight(p, [.. p.NeedIds.Where(byId.ContainsKey).Select(id => byId[id])]))];
    }
}
