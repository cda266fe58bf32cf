namespace CommunityPartner.Web.Modules.Points.Contracts;

/// <summary>
/// One resident's points in a span, from the ledger: earned (activity awards and recycling drop-offs credited),
/// spent (redemptions the merchant confirmed) and expired.
/// </summary>
public sealed record PointsSummary(long Earned, long Spent, long Expired);

/// <summary>Reads one resident's points for accounts of what they did (the personal bill). Read-only.</summary>
public interface IPointsStatement
{
    Task<PointsSummary> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
