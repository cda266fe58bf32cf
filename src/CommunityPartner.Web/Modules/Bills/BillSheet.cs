using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>Everything a bill is computed from, read through the other modules' contracts.</summary>
public sealed record BillFacts(
    IReadOnlyCollection<NeedFact> Needs,
    IReadOnlyCollection<ProjectFact> Projects,
    IReadOnlyList<ContributionFact> Pledged,
    IReadOnlyList<ContributionFact> Delivered,
    IReadOnlyList<PointsMove> Issued,
    IReadOnlyList<PointsMove> Redeemed)
{
    public static BillFacts Of(IReadOnlyCollection<NeedFact> needs, IReadOnlyCollection<ProjectFact> projects) => new(needs, projects, [], [], [], []);

    /// <summary>The ids of the records a figure counts, as text (needs newest first, transfers by id, newest first).</summary>
    public IReadOnlyList<string> RecordIds(BillFigure figure, BillPeriod period) => BillRules.KindOf(figure) switch
    {
        BillRecordKind.Projects => [.. Projects.Where(p => BillRules.Counts(figure, p, period)).Select(p => p.Id.ToString())],
        BillRecordKind.Intents => [.. Pledged.Where(c => BillRules.Counts(figure, c)).Select(c => c.Id.ToString())],
        BillRecordKind.Deliveries => [.. Delivered.Where(c => BillRules.Counts(figure, c)).Select(c => c.Id.ToString())],
        BillRecordKind.Transfers => [.. (figure == BillFigure.PointsIssued ? Issued : Redeemed).Select(m => m.TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        BillRecordKind.Residents => [.. BillRules.ActiveResidents(Issued).Select(id => id.ToString())],
        _ => [.. Needs.OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Where(n => BillRules.Counts(figure, n)).Select(n => n.Id.ToString())],
    };
}

/// <summary>
/// A bill's figures for one community (or the district when <see cref="Community"/> is null) and period, computed
/// from the records by <see cref="BillRules"/> at <see cref="ComputedAt"/>. <see cref="Counts"/> holds, for every
/// figure, the number of records it counts; <see cref="Contributions"/> the amounts of the pledged and delivered ones.
/// </summary>
public sealed record BillSheet(
    CommunityInfo? Community,
    BillPeriod Period,
    DateTime ComputedAt,
    IReadOnlyDictionary<BillFigure, int> Counts,
    Rate ResponseRate,
    Rate ResolutionRate,
    Rate SatisfactionRate,
    TimeSpan? MedianResponseTime,
    TimeSpan? MedianResolutionTime,
    IReadOnlyDictionary<BillFigure, ContributionSums> Contributions,
    long PointsIssued,
    long PointsRedeemed)
{
    /// <summary>Self-sustainability (自我造血) of the community's operating projects in the period.</summary>
    public Sustainability.SustainabilityFigures? Sustainability { get; init; }

    /// <summary>The period has not ended yet: the figures will still change.</summary>
    public bool IsOpenPeriod => !Period.IsClosed(ComputedAt);

    public static BillSheet Compute(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedFact> needs, IReadOnlyCollection<ProjectFact> projects) =>
        Compute(community, period, now, BillFacts.Of(needs, projects));

    /// <summary>The figures of the records themselves (the per-need path): the same as tallying the needs and reading the tally.</summary>
    public static BillSheet Compute(CommunityInfo? community, BillPeriod period, DateTime now, BillFacts facts) =>
        FromTallies(community, period, now, [BillTallyRules.Of(community?.Id ?? Guid.Empty, period.Year, 1, facts.Needs)], facts);

    /// <summary>
    /// The figures from tallies of the period's community-months (<see cref="INeedFacts.TallyAsync"/>) for the needs —
    /// counts add up, rates divide the sums, medians come from the summed histograms — and from <paramref name="others"/>
    /// for projects, contributions and points (its needs are not read). With <paramref name="points"/> (the points
    /// aggregates, <see cref="IPointsFacts.FiguresAsync"/>) the points figures come from it instead of
    /// <paramref name="others"/>' transfers.
    /// </summary>
    /// <param name="medians">False for cells read without minutes (<see cref="INeedFacts.TallyCountsAsync"/>): the medians are then null.</param>
    public static BillSheet FromTallies(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedTallyCell> cells, BillFacts others, PointsFigures? points = null, bool medians = true)
    {
        var counts = Enum.GetValues<BillFigure>().ToDictionary(
            f => f,
            f => (BillRules.KindOf(f), f, points) switch
            {
                (BillRecordKind.Needs, _, _) => cells.Sum(c => c.Counts.GetValueOrDefault(BillText.Code(f))),
                (_, BillFigure.PointsIssued, { } p) => p.IssuedTransfers,
                (_, BillFigure.PointsRedeemed, { } p) => p.RedeemedTransfers,
                (_, BillFigure.ActiveResidents, { } p) => p.ActiveResidents,
                _ => others.RecordIds(f, period).Count,
            });
        var contributions = Enum.GetValues<BillFigure>()
            .Where(f => BillRules.KindOf(f) is BillRecordKind.Intents or BillRecordKind.Deliveries)
            .ToDictionary(f => f, f => ContributionSums.Of((BillRules.KindOf(f) == BillRecordKind.Intents ? others.Pledged : others.Delivered).Where(c => BillRules.Counts(f, c))));
        return new(
            community,
            period,
            now,
            counts,
            new(counts[BillFigure.AnsweredOnTime], counts[BillFigure.Received]),
            new(counts[BillFigure.Resolved], counts[BillFigure.ToResolve]),
            new(counts[BillFigure.Satisfied], counts[BillFigure.Rated]),
            medians ? BillRules.Median([.. cells.Select(c => c.Minutes.GetValueOrDefault(BillTallyRules.Response) ?? MinuteHistogram.Empty)]) : null,
            medians ? BillRules.Median([.. cells.Select(c => c.Minutes.GetValueOrDefault(BillTallyRules.Resolution) ?? MinuteHistogram.Empty)]) : null,
            contributions,
            points?.Issued ?? others.Issued.Sum(m => m.Points),
            points?.Redeemed ?? others.Redeemed.Sum(m => m.Points));
    }
}

/// <summary>The records behind one figure, newest first. Their number is the figure (for points, the number of transfers).</summary>
/// <param name="Version">The published version the records were frozen with; null for the live (draft) figures.</param>
public sealed record BillRecords(CommunityInfo? Community, BillPeriod Period, BillFigure Figure, int? Version, IReadOnlyList<NeedBrief> Needs, IReadOnlyList<ProjectFact> Projects)
{
    /// <summary>Pledges or deliveries, for the contribution figures.</summary>
    public IReadOnlyList<ContributionFact> Contributions { get; init; } = [];

    /// <summary>The projects the contributions are for, by id (titles and links).</summary>
    public IReadOnlyDictionary<Guid, ProjectFact> ContributionProjects { get; init; } = new Dictionary<Guid, ProjectFact>();

    /// <summary>Transfers, for the points figures; <see cref="Residents"/> names their residents (masked).</summary>
    public IReadOnlyList<PointsMove> Moves { get; init; } = [];

    /// <summary>The residents counted (active residents) or named by <see cref="Moves"/>, masked.</summary>
    public IReadOnlyList<ResidentBrief> Residents { get; init; } = [];

    /// <summary>The published version was made before the bill had this figure: it recorded nothing for it.</summary>
    public bool NotRecorded { get; init; }

    public BillRecordKind Kind => BillRules.KindOf(Figure);

    public int Count => Kind switch
    {
        BillRecordKind.Projects => Projects.Count,
        BillRecordKind.Intents or BillRecordKind.Deliveries => Contributions.Count,
        BillRecordKind.Transfers => Moves.Count,
        BillRecordKind.Residents => Residents.Count,
        _ => Needs.Count,
    };

    /// <summary>How an individual partner is shown to anyone: "爱心人士", never their name (personal data).</summary>
    public static string PartnerShown(ContributionFact contribution) =>
        contribution.PartnerTypeCode == "individual" ? "爱心人士" : contribution.PartnerName;
}
