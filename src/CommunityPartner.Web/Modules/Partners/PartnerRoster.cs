using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners;

/// <inheritdoc cref="IPartnerRoster"/>
internal sealed class PartnerRoster(AppDbContext db) : IPartnerRoster
{
    public async Task<PartnerCard?> FindAsync(Guid partnerId, CancellationToken ct) =>
        await FindManyAsync([partnerId], ct) is [var card, ..] ? card : null;

    public async Task<IReadOnlyList<PartnerCard>> FindManyAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken ct)
    {
        var ids = partnerIds.Distinct().ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Include(p => p.Members).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return [.. partners.Select(Card)];
    }

    public async Task<IReadOnlyList<PartnerCard>> OfMemberAsync(Guid userId, CancellationToken ct)
    {
        var partners = await db.Set<Partner>().AsNoTracking().Include(p => p.Members)
            .Where(p => p.Members.Any(m => m.UserId == userId)).ToListAsync(ct);
        return [.. partners.OrderBy(p => p.Members.First(m => m.UserId == userId).At).Select(Card)];
    }

    private static PartnerCard Card(Partner p) =>
        new(p.Id, p.Name, p.Status == PartnerStatus.Verified, [.. p.Members.Select(m => m.UserId)]);
}
