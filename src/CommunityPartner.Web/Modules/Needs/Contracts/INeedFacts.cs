namespace CommunityPartner.Web.Modules.Needs.Contracts;

/// <summary>The raiser's latest verdict on a need's answer.</summary>
public enum RatingOutcome
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

/// <summary>
/// What the happiness bill needs to know of one need: when it came and its deadlines, when it was first answered and
/// last resolved, how it ended, and the raiser's latest verdict. No personal data.
/// </summary>
/// <param name="Resolved">Resolved now (已解决 or 已评价); a need reopened by 不满意 is not, until resolved again.</param>
/// <param name="LatestRating">The newest rating of any round; null when never rated.</param>
public sealed record NeedFact(
    Guid Id,
    Guid CommunityId,
    DateTime SubmittedAt,
    DateTime RespondBy,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    bool Rejected,
    bool Merged,
    bool Resolved,
    RatingOutcome? LatestRating);

/// <summary>Reads needs as facts for accounts of what got done (the happiness bill). Read-only.</summary>
public interface INeedFacts
{
    /// <summary>Every need submitted in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), of one community or all.</summary>
    Task<IReadOnlyList<NeedFact>> SubmittedBetweenAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>
    /// Open needs (待回应, 已回应, 处理中) past a deadline at <paramref name="nowUtc"/> — never answered after the response
    /// deadline, or not resolved after the resolution deadline (the need list's 逾期) — of one community or all, the
    /// longest waiting first.
    /// </summary>
    Task<IReadOnlyList<NeedBrief>> OverdueAsync(Guid? communityId, DateTime nowUtc, CancellationToken ct);

    /// <summary>The needs one person raised in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), newest first, and how many needs they supported (附议) in it.</summary>
    Task<(IReadOnlyList<NeedBrief> Raised, int Supported)> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
