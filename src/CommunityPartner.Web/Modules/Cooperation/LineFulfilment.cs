using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>What confirmed deliveries add up to against one line of a signed version.</summary>
public sealed record LineDelivered(long Yuan, int Hours, int Count);

/// <summary>
/// When a signed line counts as delivered (兑现): money once confirmed yuan reach the line's yuan; a service once
/// confirmed hours reach its hours (its yuan when it has no hours); a resource once any confirmed delivery hands it over.
/// Disputed and unconfirmed deliveries never count.
/// </summary>
public static class LineFulfilment
{
    public static bool IsDelivered(IntentLine line, LineDelivered? done) => done is { } d && line.Kind switch
    {
        OfferLineKind.Money => d.Yuan >= line.Yuan,
        OfferLineKind.Service => line.Hours is { } hours ? d.Hours >= hours : d.Yuan >= line.Yuan,
        _ => d.Count > 0,
    };

    /// <summary>Signed, non-void intents (of the given partners, or all) with their versions and lines.</summary>
    public static Task<List<CooperationIntent>> SignedIntentsAsync(AppDbContext db, IReadOnlyCollection<Guid>? partnerIds, CancellationToken ct, Guid? projectId = null)
    {
        var query = db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .Where(i => i.SignedNumber != null && !i.IsVoid);
        if (partnerIds is not null)
        {
            query = query.Where(i => partnerIds.Contains(i.PartnerId));
        }

        if (projectId is { } project)
        {
            query = query.Where(i => i.ProjectId == project);
        }

        return query.ToListAsync(ct);
    }

    /// <summary>Confirmed deliveries summed per intent line.</summary>
    public static async Task<Dictionary<Guid, LineDelivered>> DeliveredByLineAsync(AppDbContext db, IReadOnlyCollection<Guid> intentIds, CancellationToken ct)
    {
        var rows = await db.Set<Delivery>().AsNoTracking()
            .Where(d => intentIds.Contains(d.IntentId) && d.Status == DeliveryStatus.Confirmed)
            .Select(d => new { d.LineId, d.Yuan, d.Hours }).ToListAsync(ct);
        return rows.GroupBy(r => r.LineId).ToDictionary(g => g.Key, g => new LineDelivered(g.Sum(r => r.Yuan), g.Sum(r => r.Hours ?? 0), g.Count()));
    }

    /// <summary>Per partner: lines pledged in signed versions, and how many of them are delivered.</summary>
    public static async Task<Dictionary<Guid, (int Pledged, int Delivered)>> RecordsAsync(AppDbContext db, IReadOnlyCollection<Guid>? partnerIds, CancellationToken ct)
    {
        var intents = await SignedIntentsAsync(db, partnerIds, ct);
        var delivered = await DeliveredByLineAsync(db, [.. intents.Select(i => i.Id)], ct);
        return intents.GroupBy(i => i.PartnerId).ToDictionary(g => g.Key, g =>
        {
            var lines = g.SelectMany(i => i.SignedVersion!.Lines).ToList();
            return (lines.Count, lines.Count(l => IsDelivered(l, delivered.GetValueOrDefault(l.Id))));
        });
    }
}
