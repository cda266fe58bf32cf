using CommunityPartner.Web.Platform.Time;

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

/// <summary>
/// One community's needs submitted in one month (Beijing time), tallied by <see cref="INeedTallyRules"/>: a count per
/// figure, and per duration a histogram of whole minutes → how many needs took that long (kept per hour and minute,
/// <see cref="MinuteHistogram"/>).
/// </summary>
public sealed record NeedTallyCell(
    Guid CommunityId,
    int Year,
    int Month,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, MinuteHistogram> Minutes);

/// <summary>
/// What a tally counts, supplied by the module whose rules define the figures (the bill's <c>BillRules</c>); the Needs
/// module only stores and maintains the cells. <see cref="Version"/> names the rules: a stored cell tallied by other
/// rules is recounted.
/// </summary>
public interface INeedTallyRules
{
    string Version { get; }

    NeedTallyCell Tally(Guid communityId, int year, int month, IReadOnlyCollection<NeedFact> facts);

    /// <summary>
    /// The hours whose minutes the rules read of the sum of <paramref name="histograms"/> (for a median, the hour(s) of
    /// its middle value(s)): a read of many cells fetches the minutes of these hours only (ADR 0014).
    /// </summary>
    IReadOnlyList<int> HoursRead(IReadOnlyCollection<MinuteHistogram> histograms);
}

/// <summary>The month (Beijing time, UTC+8) a need is counted in: tallies are kept per community and such month.</summary>
public static class NeedMonth
{
    /// <summary>yyyymm of the Beijing month that <paramref name="utc"/> falls in.</summary>
    public static int KeyOf(DateTime utc)
    {
        var local = utc + DistrictTime.Offset;
        return (local.Year * 100) + local.Month;
    }

    public static DateTime StartUtc(int key) => DateTime.SpecifyKind(new DateTime(key / 100, key % 100, 1) - DistrictTime.Offset, DateTimeKind.Utc);

    public static DateTime EndUtc(int key) => DateTime.SpecifyKind(new DateTime(key / 100, key % 100, 1).AddMonths(1) - DistrictTime.Offset, DateTimeKind.Utc);

    /// <summary>The month keys of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), which must start and end at Beijing month boundaries.</summary>
    public static IReadOnlyList<int> Between(DateTime fromUtc, DateTime toUtc)
    {
        var months = new List<int>();
        var key = KeyOf(fromUtc);
        if (StartUtc(key) != fromUtc || StartUtc(KeyOf(toUtc)) != toUtc)
        {
            throw new ArgumentException("Tallies are kept per Beijing month: the range must start and end at a month's first instant.");
        }

        while (StartUtc(key) < toUtc)
        {
            months.Add(key);
            key = KeyOf(EndUtc(key));
        }

        return months;
    }
}

/// <summary>Reads needs as facts for accounts of what got done (the happiness bill). Read-only.</summary>
public interface INeedFacts
{
    /// <summary>
    /// The tally of every need submitted in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) (whole Beijing
    /// months), one cell per community and month that has needs, of one community or all. Always equal to tallying
    /// <see cref="SubmittedBetweenAsync"/> now: kept cells are read, cells changed since they were kept are recounted
    /// (ADR 0014).
    /// </summary>
    /// <remarks>
    /// The cells' histograms hold the minutes their rules read (<see cref="INeedTallyRules.HoursRead"/>) of the sum of
    /// all the cells returned, per histogram kind — e.g. the medians of the whole scope and range; summing the minutes
    /// of other hours (a median of a subset of the cells) throws. For figures of subsets, read each subset, or use
    /// <see cref="TallyCountsAsync"/> when no minutes are needed.
    /// </remarks>
    Task<IReadOnlyList<NeedTallyCell>> TallyAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>
    /// As <see cref="TallyAsync"/>, without fetching any minutes: counts and hour counts only (rates, totals); a median
    /// of these cells throws.
    /// </summary>
    Task<IReadOnlyList<NeedTallyCell>> TallyCountsAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>How many needs of each community are open past a deadline at <paramref name="nowUtc"/> (as <see cref="OverdueAsync"/> lists them).</summary>
    Task<IReadOnlyDictionary<Guid, int>> OverdueCountsAsync(DateTime nowUtc, CancellationToken ct);

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
