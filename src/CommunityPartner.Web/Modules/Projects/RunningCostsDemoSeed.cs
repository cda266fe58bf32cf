using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <summary>
/// A year of monthly running costs (the last twelve closed months) for every operating demo project: meal fees and
/// other own income grow through the year, merchants and partners give a steady share, district money covers the rest —
/// about 45 % self-funded at first, about 75 % at the end. Before the bills are published, so they show it.
/// </summary>
internal sealed class RunningCostsDemoSeed(AppDbContext db, TimeProvider clock) : IDemoSeed
{
    public int Order => 55;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<RunningCostRecord>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = DistrictTime.OffsetOf(now);
        var operating = await db.Set<Project>().Where(p => p.Status == ProjectStatus.Operating).ToListAsync(cancellationToken);
        foreach (var project in operating)
        {
            for (var i = 12; i >= 1; i--)
            {
                var month = thisMonth.AddMonths(-i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                if (string.CompareOrdinal(month, DistrictTime.Month(project.OperatingSince!.Value)) < 0)
                {
                    continue;
                }

                var step = 12 - i; // 0 … 11
                long costs = 18_000 + (step % 3 * 400);
                long own = 5_200 + (step * 520);
                long merchant = 1_600 + (step * 60);
                long partner = 1_200 + (step % 4 * 150);
                long district = Math.Max(0, costs - own - merchant - partner);
                db.Add(RunningCostRecord.Record(project, month, new RunningCostFigures(costs, own, merchant, partner, district), project.CreatedById, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
