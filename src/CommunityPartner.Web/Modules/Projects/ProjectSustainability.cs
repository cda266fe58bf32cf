using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <inheritdoc cref="IProjectSustainability"/>
internal sealed class ProjectSustainabilityReader(AppDbContext db) : IProjectSustainability
{
    public async Task<CommunitySustainability> ForPeriodAsync(Guid? communityId, string firstMonth, string lastMonth, CancellationToken ct)
    {
        var records = await FactsAsync(communityId, firstMonth, lastMonth, ct);
        var projects = records.GroupBy(r => (r.ProjectId, r.ProjectTitle))
            .Select(g => new ProjectSustainability(g.Key.ProjectId, g.Key.ProjectTitle, SustainabilitySums.Of(g)))
            .OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.ProjectId).ToList();
        return new CommunitySustainability(SustainabilitySums.Of(records), projects, records);
    }

    public async Task<IReadOnlyDictionary<Guid, SustainabilitySums>> ByCommunityAsync(string firstMonth, string lastMonth, CancellationToken ct)
    {
        var records = await FactsAsync(null, firstMonth, lastMonth, ct);
        return records.GroupBy(r => r.CommunityId).ToDictionary(g => g.Key, g => SustainabilitySums.Of(g));
    }

    internal async Task<IReadOnlyList<RunningCostFact>> FactsAsync(Guid? communityId, string firstMonth, string lastMonth, CancellationToken ct)
    {
        var query = db.Set<RunningCostRecord>().AsNoTracking()
            .Where(r => string.Compare(r.Month, firstMonth) >= 0 && string.Compare(r.Month, lastMonth) <= 0);
        if (communityId is { } c)
        {
            query = query.Where(r => r.CommunityId == c);
        }

        var rows = await query
            .Join(db.Set<Project>(), r => r.ProjectId, p => p.Id, (r, p) => new { r, p.Title })
            .ToListAsync(ct);
        return [.. rows.Select(x => new RunningCostFact(x.r.Id, x.r.ProjectId, x.r.CommunityId, x.Title, x.r.Month,
                x.r.CostsYuan, x.r.OwnIncomeYuan, x.r.MerchantYuan, x.r.PartnerYuan, x.r.DistrictYuan))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.ProjectTitle, StringComparer.Ordinal).ThenBy(r => r.Id)];
    }
}
