using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;

namespace CommunityPartner.Web.Modules.Cooperation.MatchProject;

/// <summary>
/// <see cref="IProjectSupportFigures"/> from the same figures the intent page and the staff coverage view show
/// (<see cref="MatchProjectHandler.CoverageAsync"/>), plus the partners of signed intents per ask: organisations by
/// name, caring individuals only as "爱心人士" (their names are personal data).
/// </summary>
internal sealed class ProjectSupportFigures(AppDbContext db, MatchProjectHandler matching, IPartnerProfiles partners) : IProjectSupportFigures
{
    public async Task<IReadOnlyDictionary<Guid, AskSupport>> ForProjectAsync(Guid projectId, CancellationToken ct)
    {
        var coverage = await matching.CoverageAsync(projectId, ct);
        if (coverage is null)
        {
            return new Dictionary<Guid, AskSupport>();
        }

        var intents = (await LineFulfilment.SignedIntentsAsync(db, null, ct, projectId)).ToList();
        var supporters = new Dictionary<Guid, List<Supporter>>();
        foreach (var intent in intents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id))
        {
            var profile = await partners.FindAsync(intent.PartnerId, ct);
            if (profile is null)
            {
                continue;
            }

            var supporter = profile.TypeCode == "individual" ? new Supporter("爱心人士", null, true) : new Supporter(profile.Name, profile.Link, false);
            foreach (var needId in intent.SignedVersion!.Lines.Where(l => l.NeedId is not null).Select(l => l.NeedId!.Value).Distinct())
            {
                var list = supporters.TryGetValue(needId, out var existing) ? existing : supporters[needId] = [];
                if (!list.Contains(supporter))
                {
                    list.Add(supporter);
                }
            }
        }

        return coverage.Where(c => c.PledgedYuan > 0 || c.PledgedHours > 0 || c.DeliveredYuan > 0 || supporters.ContainsKey(c.Id))
            .ToDictionary(c => c.Id, c => new AskSupport(c.Id, c.PledgedYuan, c.PledgedHours, c.DeliveredYuan, c.DeliveredHours, supporters.GetValueOrDefault(c.Id) ?? []));
    }
}
