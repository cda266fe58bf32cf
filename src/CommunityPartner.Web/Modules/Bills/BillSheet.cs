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
    /// <summary>Self-sustainability (自我造血) of the community's operating projects in the period.</summary>
    public Sustainability.SustainabilityFigures? Sustainability { get; init; }

    /// <summary>The period has not ended yet: the figures will still change.</summary>
    public bool IsOpenPeriod => !Period.IsClosed(ComputedAt);

    public static BillSheet Compute(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedFact> needs, IReadOnlyCollection<ProjectFact> projects)
    {
        var counts = Enum.GetValues<BillFigure>().ToDictionary(
            f => f,
            f => BillRules.IsAboutProjects(f) ? projects.Count(p => BillRules.Counts(f, p, period)) : needs.Count(n => BillRules.Counts(f, n)));
        return new(
            community,
            period,
            now,
            counts,
            BillRules.ResponseRate(needs),
            BillRules.ResolutionRate(needs),
            BillRules.SatisfactionRate(needs),
            BillRules.MedianResponseTime(needs),
            BillRules.MedianResolutionTime(needs));
    }
}

/// <summary>The records behind one figure: needs or projects, newest first. Their number is the figure.</summary>
/// <param name="Version">The published version the records were frozen with; null for the live (draft) figures.</param>
public sealed record BillRecords(CommunityInfo? Community, BillPeriod Period, BillFigure Figure, int? Version, IReadOnlyList<NeedBrief> Needs, IReadOnlyList<ProjectFact> Projects)
{
    public int Count => BillRules.IsAboutProjects(Figure) ? Projects.Count : Needs.Count;
}
