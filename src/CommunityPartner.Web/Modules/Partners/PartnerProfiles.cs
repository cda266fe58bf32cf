using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners;

/// <inheritdoc cref="IPartnerProfiles"/>
internal sealed class PartnerProfiles(AppDbContext db) : IPartnerProfiles
{
    public async Task<IReadOnlyList<PartnerProfile>> ListAsync(CancellationToken ct)
    {
        var partners = await Query().Where(p => p.Status != PartnerStatus.Rejected).ToListAsync(ct);
        return [.. partners.Select(Profile).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
    }

    public async Task<PartnerProfile?> FindAsync(Guid partnerId, CancellationToken ct) =>
        await Query().FirstOrDefaultAsync(p => p.Id == partnerId, ct) is { } partner ? Profile(partner) : null;

    public string StrengthKey(string code) => PartnerText.StrengthKey(code);

    private IQueryable<Partner> Query() =>
        db.Set<Partner>().AsNoTracking().Include(p => p.Strengths).Include(p => p.Communities).Include(p => p.Members).AsSplitQuery();

    private static PartnerProfile Profile(Partner p) => new(
        p.Id, p.Name, PartnerText.TypeCode(p.Type), PartnerText.TypeKey(p.Type), p.Status == PartnerStatus.Verified, p.ShowOnHonourWall,
        [.. p.Strengths.Select(s => s.Code).Order(StringComparer.Ordinal)], [.. p.Communities.Select(c => c.CommunityId).Order()],
        [.. p.Members.Select(m => m.UserId)]);
}
