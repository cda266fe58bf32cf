using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>
/// A bill's figures for one community (or the district when <see cref="Community"/> is null) and period, computed
/// from the records by <see cref="BillRules"/> at <see cref="ComputedAt"/>.
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
    TimeSpan? MedianResolutionTime)
{
    /// <summary>The period has not ended yet: the figures will still change.</summary>
    public bool IsOpenPeriod => !Period.IsClosed(ComputedAt);

    /// <summary>The figures of the needs themselves (the per-need path): the same as tallying them and reading the tally.</summary>
    public static BillSheet Compute(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedFact> needs, IReadOnlyCollection<ProjectFact> projects) =>
        FromTallies(community, period, now, [BillTallyRules.Of(community?.Id ?? Guid.Empty, period.Year, 1, needs)], projects);

    /// <summary>The figures from tallies of the period's community-months (<see cref="INeedFacts.TallyAsync"/>): counts add up, rates divide the sums, medians come from the summed histograms.</summary>
    public static BillSheet FromTallies(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedTallyCell> cells, IReadOnlyCollection<ProjectFact> projects)
    {
        var counts = Enum.GetValues<BillFigure>().ToDictionary(
            f => f,
            f => BillRules.IsAboutProjects(f) ? projects.Count(p => BillRules.Counts(f, p, period)) : cells.Sum(c => c.Counts.GetValueOrDefault(BillText.Code(f))));
        return new(
            community,
            period,
            now,
            counts,
            new(counts[BillFigure.AnsweredOnTime], counts[BillFigure.Received]),
            new(counts[BillFigure.Resolved], counts[BillFigure.ToResolve]),
            new(counts[BillFigure.Satisfied], counts[BillFigure.Rated]),
            BillRules.Median(BillRules.Sum(cells.Select(c => c.Minutes.GetValueOrDefault(BillTallyRules.Response) ?? Empty))),
            BillRules.Median(BillRules.Sum(cells.Select(c => c.Minutes.GetValueOrDefault(BillTallyRules.Resolution) ?? Empty))));
    }

    private static readonly IReadOnlyDictionary<int, int> Empty = new Dictionary<int, int>();
}

/// <summary>The records behind one figure: needs or projects, newest first. Their number is the figure.</summary>
/// <param name="Version">The published version the records were frozen with; null for the live (draft) figures.</param>
public sealed record BillRecords(CommunityInfo? Community, BillPeriod Period, BillFigure Figure, int? Version, IReadOnlyList<NeedBrief> Needs, IReadOnlyList<ProjectFact> Projects)
{
    public int Count => BillRules.IsAboutProjects(Figure) ? Projects.Count : Needs.Count;
}
