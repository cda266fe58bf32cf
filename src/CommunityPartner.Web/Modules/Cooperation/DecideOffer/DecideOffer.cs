using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Cooperation.DecideOffer;

/// <summary>
/// The community's staff accept an offer — its lines become version 1 of a cooperation intent for both sides to
/// confirm — or decline it with a reason the partner reads.
/// </summary>
public sealed class DecideOfferHandler(OfferWork work, AppDbContext db, AuditLog audit)
{
    public Task<Result<Offer>> AcceptAsync(Guid offerId, ClaimsPrincipal user, CancellationToken ct) =>
        work.RunAsync(offerId, user, Actor.Community, new("cooperation.offer.accept", "社区接受了“{0}”的出力方案，请确认合作意向"), (offer, _, userId, now) =>
        {
            offer.Accept(userId, now);
            var intent = CooperationIntent.FromOffer(offer, userId, now);
            db.Add(intent);
            audit.Record("cooperation.intent.create", nameof(CooperationIntent), intent.Id, null, intent.Snapshot(), intent.CommunityId, userId);
            return Task.FromResult<ValidationErrors?>(null);
        }, ct);

    public Task<Result<Offer>> DeclineAsync(Guid offerId, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var trimmed = reason?.Trim() ?? "";
        return work.RunAsync(offerId, user, Actor.Community, new("cooperation.offer.decline", "社区婉拒了“{0}”的出力方案"), (offer, _, userId, now) =>
        {
            var errors = new ValidationErrors().Text("reason", trimmed, Offer.ReasonMax, "请写明婉拒的理由", "理由不能超过 {0} 个字");
            if (errors.IsValid)
            {
                offer.Decline(userId, trimmed, now);
            }

            return Task.FromResult<ValidationErrors?>(errors);
        }, ct);
    }
}
