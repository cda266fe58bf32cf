namespace CommunityPartner.Web.Modules.Points.Contracts;

/// <summary>One ledger transfer to or from a resident, as an account counts it: <see cref="KindCode"/> is award, dropoff or redemption.</summary>
public sealed record PointsMove(long TransferId, Guid ResidentId, string KindCode, long Points, DateTime At);

/// <summary>A resident as the public may see them: the name masked (张**), never a phone.</summary>
public sealed record ResidentBrief(Guid Id, string MaskedName);

/// <summary>
/// The bill's points figures of a span: points issued and their transfers, points redeemed and their transfers, and the
/// distinct residents issued points — the same as counting <see cref="IPointsFacts.IssuedAsync"/> and
/// <see cref="IPointsFacts.RedeemedAsync"/>, read from aggregates kept per community and Beijing month (active residents per bill period).
/// </summary>
public sealed record PointsFigures(long Issued, int IssuedTransfers, long Redeemed, int RedeemedTransfers, int ActiveResidents);

/// <summary>Reads the ledger for the happiness bill: points issued and redeemed in a span, with the transfer ids. Read-only.</summary>
public interface IPointsFacts
{
    /// <summary>
    /// Points credited to residents from the community's pool (every pool when null) in [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>): activity awards (staff awards and check-ins) and recycling drop-offs. Corrections and
    /// refunds are not issuing.
    /// </summary>
    Task<IReadOnlyList<PointsMove>> IssuedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>Redemptions a merchant confirmed in the span, by residents whose home community it is (everyone's when null).</summary>
    Task<IReadOnlyList<PointsMove>> RedeemedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>
    /// The figures of <see cref="IssuedAsync"/> and <see cref="RedeemedAsync"/> (sums, transfer counts, distinct residents
    /// issued points) without reading the transfers: from the kept aggregates when the span is one Beijing month, quarter
    /// or year (as a bill period is), else from the records.
    /// </summary>
    Task<PointsFigures> FiguresAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>The transfers with these ids (only awards, drop-offs and redemptions), newest first.</summary>
    Task<IReadOnlyList<PointsMove>> TransfersAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>These residents, masked, in the order given.</summary>
    Task<IReadOnlyList<ResidentBrief>> ResidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
