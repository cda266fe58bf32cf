using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Bills.Dashboard;

/// <summary>One row of the dashboard: a community (or the district when <see cref="Community"/> is null) in the period.</summary>
/// <param name="Rank">1 for the best; null when not ranked (the district row, or fewer than <see cref="DashboardRanking.MinRated"/> rated needs).</param>
public sealed record DashboardRow(
    CommunityInfo? Community,
    int Received,
    Rate ResponseRate,
    Rate ResolutionRate,
    Rate SatisfactionRate,
    int Overdue,
    PipelineCount Pipeline,
    int? Rank)
{
    public string Scope => Community?.Code ?? BillVersion.DistrictScope;

    public bool CanBeRanked => DashboardRanking.CanBeRanked(SatisfactionRate);
}

/// <summary>The three rates of one month of a trend.</summary>
public sealed record TrendPoint(BillPeriod Month, Rate ResponseRate, Rate ResolutionRate, Rate SatisfactionRate);

/// <summary>The district dashboard for a period, computed at <see cref="ComputedAt"/>.</summary>
/// <param name="TrendScope">Whose trend: a community, or the district when null.</param>
public sealed record DashboardView(
    BillPeriod Period,
    DateTime ComputedAt,
    DashboardRow District,
    IReadOnlyList<DashboardRow> Communities,
    CommunityInfo? TrendScope,
    IReadOnlyList<TrendPoint> Trend)
{
    /// <summary>Self-sustainability (自我造血) per community and for the district in the period.</summary>
    public Sustainability.DashboardSustainability Sustainability { get; init; } = Bills.Sustainability.DashboardSustainability.None;
}

/// <summary>
/// The fair ranking: only communities with at least <see cref="MinRated"/> rated needs in the period are ranked, by
/// satisfaction rate, then resolution rate, then response rate (each as <see cref="BillRules"/> computes it); equal
/// rates share a rank.
/// </summary>
public static class DashboardRanking
{
    public const int MinRated = 10;

    public static bool CanBeRanked(Rate satisfaction) => satisfaction.Denominator >= MinRated;

    public static IReadOnlyList<DashboardRow> Rank(IEnumerable<DashboardRow> rows)
    {
        static (decimal, decimal, decimal) Key(DashboardRow r) =>
            (r.SatisfactionRate.Percent ?? -1, r.ResolutionRate.Percent ?? -1, r.ResponseRate.Percent ?? -1);

        var all = rows.ToList();
        var ranked = all.Where(r => r.CanBeRanked).OrderByDescending(Key).ToList();
        var ranks = new Dictionary<DashboardRow, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ranked.Count; i++)
        {
            ranks[ranked[i]] = i > 0 && Key(ranked[i]) == Key(ranked[i - 1]) ? ranks[ranked[i - 1]] : i + 1;
        }

        return [.. ranked.Select(r => r with { Rank = ranks[r] }),
            .. all.Where(r => !r.CanBeRanked).OrderBy(r => r.Community?.Code, StringComparer.Ordinal).Select(r => r with { Rank = null })];
    }
}

/// <summary>
/// Reads the district dashboard: the three rates per community and for the whole district (the district's rate is
/// over all its needs, as its bill counts them), overdue needs now, the partner pipeline, and a 12-month trend. Every
/// rate comes from <see cref="BillRules"/>, so it equals the bill's and opens the same records.
/// </summary>
public sealed class DashboardReader(BillReader bills, ICommunityDirectory communities, INeedFacts needFacts, ICooperationFacts cooperation, IProjectSustainability sustainability, TimeProvider clock)
{
    public const int TrendMonths = 12;

    public async Task<Result<DashboardView>> ReadAsync(string? periodCode, string? trendCommunity, CancellationToken ct)
    {
        var (errors, community, period) = await bills.ScopeAsync(trendCommunity, periodCode, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var all = await communities.ListAsync(ct);
        var (cells, trendCells) = await CellsAsync(community, period, now, ct);
        var overdue = await needFacts.OverdueCountsAsync(now, ct);
        var pipeline = (await cooperation.PipelineAsync(period.StartUtc, period.EndUtc, ct)).ToDictionary(p => p.CommunityId);
        var byCommunity = cells.ToLookup(f => f.CommunityId);

        var rows = all.Select(c => Row(c, period, now, byCommunity[c.Id].ToList(), overdue.GetValueOrDefault(c.Id), pipeline.GetValueOrDefault(c.Id) ?? new(c.Id, 0, 0, 0, 0)));
        var district = Row(null, period, now, cells, overdue.Values.Sum(), new(Guid.Empty, pipeline.Values.Sum(p => p.Offers), pipeline.Values.Sum(p => p.Intents), pipeline.Values.Sum(p => p.Delivered), pipeline.Values.Sum(p => p.DeliveredYuan)));
        return new DashboardView(period, now, district, DashboardRanking.Rank(rows), community, Trend(community, period, now, trendCells))
        {
            Sustainability = await Sustainability.DashboardSustainability.ReadAsync(sustainability, period, ct),
        };
    }

    /// <summary>The needs open past a deadline now, of one community or (no code, or "district") all.</summary>
    public async Task<Result<(CommunityInfo? Community, IReadOnlyList<NeedBrief> Needs)>> OverdueAsync(string? communityCode, CancellationToken ct)
    {
        var (errors, community, _) = await bills.ScopeAsync(communityCode, null, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        return (community, await needFacts.OverdueAsync(community?.Id, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>The months of the trend: the <see cref="TrendMonths"/> months ending with the period's last month (or this month, if earlier).</summary>
    public static IReadOnlyList<BillPeriod> TrendMonthsOf(BillPeriod period, DateTime nowUtc)
    {
        var lastInPeriod = DistrictTime.OffsetOf(period.EndUtc).AddMonths(-1);
        var current = DistrictTime.OffsetOf(nowUtc);
        var last = lastInPeriod < current ? lastInPeriod : current;
        var month = new BillPeriod(BillPeriodKind.Month, last.Year, last.Month);
        var months = new List<BillPeriod>();
        for (var i = 0; i < TrendMonths; i++)
        {
            months.Add(month);
            month = month.Previous;
        }

        months.Reverse();
        return months;
    }

    /// <summary>
    /// The tallies of the period (every community) and of the trend's months (its scope), counts only (the dashboard
    /// shows no medians, so no minutes are fetched) — one read when the period's
    /// cells hold the trend's or the trend is the district's (a year's dashboard reads its year's cells once).
    /// </summary>
    private async Task<(IReadOnlyList<NeedTallyCell> Period, IReadOnlyList<NeedTallyCell> Trend)> CellsAsync(CommunityInfo? community, BillPeriod period, DateTime now, CancellationToken ct)
    {
        var months = TrendMonthsOf(period, now);
        DateTime trendFrom = months[0].StartUtc, trendTo = months[^1].EndUtc;
        if (community is not null && (trendFrom < period.StartUtc || trendTo > period.EndUtc))
        {
            return (await needFacts.TallyCountsAsync(null, period.StartUtc, period.EndUtc, ct), await needFacts.TallyCountsAsync(community.Id, trendFrom, trendTo, ct));
        }

        var from = trendFrom < period.StartUtc ? trendFrom : period.StartUtc;
        var to = trendTo > period.EndUtc ? trendTo : period.EndUtc;
        var all = await needFacts.TallyCountsAsync(null, from, to, ct);
        static bool In(NeedTallyCell c, DateTime start, DateTime end) =>
            NeedMonth.StartUtc((c.Year * 100) + c.Month) >= start && NeedMonth.StartUtc((c.Year * 100) + c.Month) < end;
        return ([.. all.Where(c => In(c, period.StartUtc, period.EndUtc))],
            [.. all.Where(c => In(c, trendFrom, trendTo) && (community is null || c.CommunityId == community.Id))]);
    }

    private static List<TrendPoint> Trend(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyList<NeedTallyCell> trendCells)
    {
        var cells = trendCells.ToLookup(c => (c.Year, c.Month));
        return [.. TrendMonthsOf(period, now).Select(m =>
        {
            var sheet = BillSheet.FromTallies(community, m, now, [.. cells[(m.Year, m.Number)]], BillFacts.Of([], []), medians: false);
            return new TrendPoint(m, sheet.ResponseRate, sheet.ResolutionRate, sheet.SatisfactionRate);
        })];
    }

    private static DashboardRow Row(CommunityInfo? community, BillPeriod period, DateTime now, IReadOnlyCollection<NeedTallyCell> cells, int overdue, PipelineCount pipeline)
    {
        var sheet = BillSheet.FromTallies(community, period, now, cells, BillFacts.Of([], []), medians: false);
        return new(community, sheet.Counts[BillFigure.Received], sheet.ResponseRate, sheet.ResolutionRate, sheet.SatisfactionRate, overdue, pipeline, null);
    }
}
