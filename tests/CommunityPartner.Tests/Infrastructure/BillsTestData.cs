using CommunityPartner.Web.Modules.Needs;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>Needs for a bill: built through the API, then moved with all their times into a closed quarter.</summary>
public sealed class BillsTestData(AppFactory factory)
{
    public const string Period = "2025-Q2";
    private static readonly DateTime QuarterStart = new(2025, 3, 31, 16, 0, 0, DateTimeKind.Utc);
    private readonly NeedsTestData _needs = new(factory);

    /// <summary>
    /// In a fresh community: a need answered on time (merged-into target), one resolved and rated satisfied, one
    /// declined, one merged as a duplicate, one resolved then reopened by 不满意, one never answered — all moved into
    /// 2025-Q2 with every time shifted alike.
    /// </summary>
    public async Task<(NeedActors Actors, Dictionary<string, Guid> Built)> QuarterAsync()
    {
        var actors = await _needs.ActorsAsync();
        var built = new Dictionary<string, Guid>
        {
            ["responded"] = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded),
            ["satisfied"] = await NeedsTestData.NeedAsync(actors, NeedStatus.Rated),
            ["rejected"] = await NeedsTestData.NeedAsync(actors, NeedStatus.Rejected),
            ["reopened"] = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved),
            ["waiting"] = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community),
        };
        built["merged"] = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        await NeedsTestData.MergeAsync(actors.StaffClient, built["merged"], built["responded"]);
        await NeedsTestData.RateAsync(actors.RaiserClient, built["reopened"], "dissatisfied", "没有修好");

        await _needs.QueryAsync(async db =>
        {
            var needs = await db.Set<Need>().Where(n => n.CommunityId == actors.Community.Id).ToListAsync();
            var shift = needs.Min(n => n.SubmittedAt) - QuarterStart.AddDays(10);
            foreach (var n in needs)
            {
                await db.Set<Need>().Where(x => x.Id == n.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.SubmittedAt, n.SubmittedAt - shift)
                    .SetProperty(x => x.RespondBy, n.RespondBy - shift)
                    .SetProperty(x => x.ResolveBy, n.ResolveBy - shift)
                    .SetProperty(x => x.FirstRespondedAt, n.FirstRespondedAt - shift)
                    .SetProperty(x => x.FirstResolvedAt, n.FirstResolvedAt - shift)
                    .SetProperty(x => x.ResolvedAt, n.ResolvedAt - shift)
                    .SetProperty(x => x.ClosedAt, n.ClosedAt - shift));
            }

            return needs.Count;
        });
        return (actors, built);
    }
}
