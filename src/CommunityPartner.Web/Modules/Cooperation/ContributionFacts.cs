using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <inheritdoc cref="IContributionFacts"/>
internal sealed class ContributionFacts(AppDbContext db, IPartnerProfiles partners) : IContributionFacts
{
    public async Task<IReadOnlyList<ContributionFact>> PledgedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var query = SignedIntents().Where(i => i.Versions.Any(v => v.SignedAt >= fromUtc && v.SignedAt < toUtc));
        if (communityId is { } c)
        {
            query = query.Where(i => i.CommunityId == c);
        }

        var intents = (await query.ToListAsync(ct)).Where(i => FirstSigned(i) >= fromUtc && FirstSigned(i) < toUtc).ToList();
        return await PledgesAsync(intents, ct);
    }

    public async Task<IReadOnlyList<ContributionFact>> DeliveredAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var query = db.Set<Delivery>().AsNoTracking().Where(d => d.Status == DeliveryStatus.Confirmed && d.DecidedAt >= fromUtc && d.DecidedAt < toUtc);
        if (communityId is { } c)
        {
            query = query.Where(d => d.CommunityId == c);
        }

        return await DeliveriesOfAsync(await query.ToListAsync(ct), ct);
    }

    public async Task<IReadOnlyList<ContributionFact>> IntentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await PledgesAsync(await SignedIntents().Where(i => ids.Contains(i.Id)).ToListAsync(ct), ct);

    public async Task<IReadOnlyList<ContributionFact>> DeliveriesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await DeliveriesOfAsync(await db.Set<Delivery>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct), ct);

    private IQueryable<CooperationIntent> SignedIntents() =>
        db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .Where(i => i.SignedNumber != null && !i.IsVoid);

    private static DateTime FirstSigned(CooperationIntent intent) => intent.Versions.Where(v => v.SignedAt is not null).Min(v => v.SignedAt!.Value);

    private async Task<IReadOnlyList<ContributionFact>> PledgesAsync(List<CooperationIntent> intents, CancellationToken ct)
    {
        var profiles = await ProfilesAsync(intents.Select(i => i.PartnerId), ct);
        return [.. intents.Select(i =>
        {
            var lines = i.SignedVersion!.Lines;
            var (name, type) = profiles.GetValueOrDefault(i.PartnerId, ("", ""));
            return new ContributionFact(
                i.Id, i.ProjectId, i.CommunityId, i.PartnerId, name, type, FirstSigned(i),
                lines.Where(l => l.Kind == OfferLineKind.Money).Sum(l => l.Yuan),
                lines.Where(l => l.Kind == OfferLineKind.Service).Sum(l => (long)(l.Hours ?? 0)),
                lines.Where(l => l.Kind == OfferLineKind.Resource).Sum(l => l.Yuan));
        }).OrderByDescending(f => f.At).ThenByDescending(f => f.Id)];
    }

    private async Task<IReadOnlyList<ContributionFact>> DeliveriesOfAsync(List<Delivery> deliveries, CancellationToken ct)
    {
        var profiles = await ProfilesAsync(deliveries.Select(d => d.PartnerId), ct);
        return [.. deliveries.Select(d =>
        {
            var (name, type) = profiles.GetValueOrDefault(d.PartnerId, ("", ""));
            return new ContributionFact(
                d.Id, d.ProjectId, d.CommunityId, d.PartnerId, name, type, d.DecidedAt ?? d.RecordedAt,
                d.Kind == OfferLineKind.Money ? d.Yuan : 0,
                d.Kind == OfferLineKind.Service ? d.Hours ?? 0 : 0,
                d.Kind == OfferLineKind.Resource ? d.Yuan : 0);
        }).OrderByDescending(f => f.At).ThenByDescending(f => f.Id)];
    }

    private async Task<Dictionary<Guid, (string Name, string Type)>> ProfilesAsync(IEnumerable<Guid> partnerIds, CancellationToken ct)
    {
        var found = new Dictionary<Guid, (string, string)>();
        foreach (var id in partnerIds.Distinct())
        {
            if (await partners.FindAsync(id, ct) is { } profile)
            {
                found[id] = (profile.Name, profile.TypeCode);
            }
        }

        return found;
    }
}
