using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <inheritdoc cref="ICooperationFacts"/>
internal sealed class CooperationFacts(AppDbContext db) : ICooperationFacts
{
    public async Task<IReadOnlyList<PipelineCount>> PipelineAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var offers = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.SubmittedAt >= fromUtc && o.SubmittedAt < toUtc)
            .Select(o => o.CommunityId).ToListAsync(ct);
        var intents = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.SignedAt >= fromUtc && o.SignedAt < toUtc)
            .Select(o => o.CommunityId).ToListAsync(ct);
        var deliveries = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Confirmed && d.DecidedAt >= fromUtc && d.DecidedAt < toUtc)
            .Select(d => new { d.CommunityId, d.IntentId, d.Yuan }).ToListAsync(ct);

        return [.. offers.Concat(intents).Concat(deliveries.Select(d => d.CommunityId)).Distinct().Select(c => new PipelineCount(
            c,
            offers.Count(o => o == c),
            intents.Count(i => i == c),
            deliveries.Where(d => d.CommunityId == c).Select(d => d.IntentId).Distinct().Count(),
            deliveries.Where(d => d.CommunityId == c).Sum(d => d.Yuan)))];
    }
}
