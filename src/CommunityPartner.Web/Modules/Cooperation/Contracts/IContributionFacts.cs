namespace CommunityPartner.Web.Modules.Cooperation.Contracts;

/// <summary>
/// A pledge (a signed cooperation intent) or a delivery (兑现) as an account of what got done counts it: which
/// partner, of which type (<c>enterprise</c>, <c>merchant</c>, <c>social_organisation</c>, <c>individual</c> — the
/// Partners module's codes), for which project, and the amounts in the units offers use: money in yuan, service in
/// hours, resources at their estimated value in yuan. <see cref="PartnerName"/> is personal data for an individual.
/// </summary>
public sealed record ContributionFact(
    Guid Id, Guid ProjectId, Guid CommunityId, Guid PartnerId, string PartnerName, string PartnerTypeCode, DateTime At,
    long MoneyYuan, long ServiceHours, long ResourceYuan);

/// <summary>Reads partners' pledges and deliveries for the happiness bill, with the ids of the records. Read-only.</summary>
public interface IContributionFacts
{
    /// <summary>
    /// Intents first signed by both sides in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) for projects of the
    /// community (any community when null); <see cref="ContributionFact.At"/> is that first signing, the amounts are
    /// the lines of the latest signed version.
    /// </summary>
    Task<IReadOnlyList<ContributionFact>> PledgedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>Deliveries the community confirmed in the span; <see cref="ContributionFact.At"/> is the confirmation.</summary>
    Task<IReadOnlyList<ContributionFact>> DeliveredAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>The intents with these ids, as <see cref="PledgedAsync"/> describes them now (unsigned ones are left out).</summary>
    Task<IReadOnlyList<ContributionFact>> IntentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The deliveries with these ids, as they are now.</summary>
    Task<IReadOnlyList<ContributionFact>> DeliveriesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
