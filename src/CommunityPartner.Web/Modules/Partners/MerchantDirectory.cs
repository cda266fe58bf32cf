using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners;

internal sealed class MerchantDirectory(AppDbContext db) : IMerchantDirectory
{
    public Task<MerchantRef?> FindMerchantAsync(Guid partnerId, CancellationToken cancellationToken) =>
        db.Set<Partner>().AsNoTracking().Where(p => p.Id == partnerId && p.Type == PartnerType.Merchant)
            .Select(p => new MerchantRef(p.Id, p.Name, p.Status == PartnerStatus.Verified)).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> IsMemberAsync(Guid partnerId, Guid userId, CancellationToken cancellationToken) =>
        db.Set<PartnerMember>().AnyAsync(m => m.PartnerId == partnerId && m.UserId == userId, cancellationToken);

    public async Task<IReadOnlyList<MerchantRef>> MerchantsOfMemberAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<Partner>().AsNoTracking()
            .Where(p => p.Type == PartnerType.Merchant && db.Set<PartnerMember>().Any(m => m.PartnerId == p.Id && m.UserId == userId))
            .OrderBy(p => p.Name).Select(p => new MerchantRef(p.Id, p.Name, p.Status == PartnerStatus.Verified)).ToListAsync(cancellationToken);

    public IQueryable<Guid> PartnerIdsOfMember(Guid userId) =>
        db.Set<PartnerMember>().Where(m => m.UserId == userId).Select(m => m.PartnerId);
}
