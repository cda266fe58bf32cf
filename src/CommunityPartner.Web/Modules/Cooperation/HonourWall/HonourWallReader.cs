using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.HonourWall;

/// <summary>A partner on the honour wall: what it delivered, counted from confirmed deliveries only.</summary>
public sealed record HonourRow(Guid PartnerId, string Name, string TypeKey, long MoneyYuan, int ServiceHours, long ResourceYuan, int Deliveries)
{
    public string Link => $"/partners/{PartnerId}";
}

/// <summary>One confirmed delivery behind a figure on the wall.</summary>
public sealed record HonourDelivery(DateTime ConfirmedAt, string ProjectTitle, string ProjectLink, string KindKey, long Yuan, int? Hours);

/// <summary>
/// The honour wall (爱心榜): verified partners who opted in, by their confirmed deliveries — money received (yuan),
/// service hours given, resources handed over (estimated yuan) — for one community or the whole district. Recorded
/// and disputed deliveries never count; partners that did not opt in or are not verified are never shown.
/// </summary>
public sealed class HonourWallReader(AppDbContext db, IPartnerProfiles partners, IProjectCatalog projects)
{
    public async Task<IReadOnlyList<HonourRow>> ListAsync(Guid? communityId, CancellationToken ct)
    {
        var shown = (await partners.ListAsync(ct)).Where(p => p.IsVerified && p.ShowOnHonourWall).ToDictionary(p => p.Id);
        var ids = shown.Keys.ToList();
        var query = db.Set<Delivery>().AsNoTracking().Where(d => d.Status == DeliveryStatus.Confirmed && ids.Contains(d.PartnerId));
        if (communityId is { } c)
        {
            query = query.Where(d => d.CommunityId == c);
        }

        var rows = await query.Select(d => new { d.PartnerId, d.Kind, d.Yuan, d.Hours }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.PartnerId).Select(g => new HonourRow(
                g.Key, shown[g.Key].Name, shown[g.Key].TypeKey,
                g.Where(r => r.Kind == OfferLineKind.Money).Sum(r => r.Yuan),
                g.Where(r => r.Kind == OfferLineKind.Service).Sum(r => r.Hours ?? 0),
                g.Where(r => r.Kind == OfferLineKind.Resource).Sum(r => r.Yuan),
                g.Count()))
            .OrderByDescending(r => r.MoneyYuan + r.ResourceYuan).ThenByDescending(r => r.ServiceHours).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.PartnerId)];
    }

    /// <summary>The confirmed deliveries behind a partner's figures (null when the partner is not on the wall).</summary>
    public async Task<(PartnerProfile Partner, IReadOnlyList<HonourDelivery> Deliveries)?> DeliveriesAsync(Guid partnerId, Guid? communityId, CancellationToken ct)
    {
        var partner = await partners.FindAsync(partnerId, ct);
        if (partner is not { IsVerified: true, ShowOnHonourWall: true })
        {
            return null;
        }

        var query = db.Set<Delivery>().AsNoTracking().Where(d => d.Status == DeliveryStatus.Confirmed && d.PartnerId == partnerId);
        if (communityId is { } c)
        {
            query = query.Where(d => d.CommunityId == c);
        }

        var rows = await query.OrderByDescending(d => d.DecidedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var titles = (await projects.FindAsync([.. rows.Select(r => r.ProjectId)], ct)).ToDictionary(p => p.Id);
        return (partner, [.. rows.Select(r => new HonourDelivery(
            r.DecidedAt ?? r.RecordedAt, titles.GetValueOrDefault(r.ProjectId)?.Title ?? "", $"/projects/{r.ProjectId}", CooperationText.KindKey(r.Kind), r.Yuan, r.Hours))]);
    }
}
