using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>A number on the bill that counts records; each opens the list of exactly those records.</summary>
public enum BillFigure
{
    Received,
    AnsweredOnTime,
    ToResolve,
    Resolved,
    Rejected,
    Merged,
    Rated,
    Satisfied,
    ProjectsCompleted,
    ProjectsOperating,
    Pledged,
    PledgedEnterprise,
    PledgedMerchant,
    PledgedSocialOrganisation,
    PledgedIndividual,
    Delivered,
    DeliveredEnterprise,
    DeliveredMerchant,
    DeliveredSocialOrganisation,
    DeliveredIndividual,
    PointsIssued,
    PointsRedeemed,
    ActiveResidents,
}

/// <summary>What kind of record a figure counts, and so what its list shows.</summary>
public enum BillRecordKind
{
    Needs,
    Projects,
    Intents,
    Deliveries,
    Transfers,
    Residents,
}

/// <summary>A contribution figure's amounts, in the units offers use: money (yuan), service (hours), resources (estimated yuan).</summary>
public sealed record ContributionSums(long MoneyYuan, long ServiceHours, long ResourceYuan)
{
    public static ContributionSums Of(IEnumerable<ContributionFact> facts)
    {
        var list = facts.ToList();
        return new(list.Sum(f => f.MoneyYuan), list.Sum(f => f.ServiceHours), list.Sum(f => f.ResourceYuan));
    }
}

/// <summary>A share: <see cref="Percent"/> is null when there is nothing to divide by (shown as "—", never as 0 %).</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    public decimal? Percent => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The one definition of every figure and rate on the happiness bill. The bill counts the needs submitted in its
/// period and reports what has become of them when it is read (or, once published, when it was published).
/// <list type="bullet">
/// <item>收到诉求 (received): submitted in the period, except needs merged into another (a duplicate is counted once, in
/// the need it was merged into).</item>
/// <item>按时回应 (answered on time): received, and first answered — responded, started, rejected or taken into a project —
/// no later than its response deadline; an answer exactly at the deadline is on time.</item>
/// <item>响应率 (response rate) = answered on time ÷ received.</item>
/// <item>应解决 (to resolve): received, except those not accepted (不予受理, with a reason).</item>
/// <item>已解决 (resolved): resolved now (已解决 or 已评价). A need the raiser reopened with 不满意 is not, until it is
/// resolved again.</item>
/// <item>解决率 (resolution rate) = resolved ÷ to resolve.</item>
/// <item>已评价 (rated): received and rated at least once; the latest rating counts.</item>
/// <item>满意率 (satisfaction rate) = (满意 + 基本满意) ÷ rated, by latest rating.</item>
/// <item>Median response time: submission to first answer, over received needs answered; median resolution time:
/// submission to the latest resolution, over resolved needs. Both to the minute: each duration counts in whole minutes
/// (seconds dropped), and an even number of them takes the mean of the middle two — so the medians can be kept as
/// per-minute histograms and read from tallies exactly (ADR 0014).</item>
/// <item>完成的项目 (projects completed): published projects completed in the period; 运营中的项目 (operating): in 运营中
/// now and operating since before the period's end.</item>
/// <item>认捐 (pledged), by partner type (企事业单位, 爱心商家, 社会组织, 爱心人士 — the Partners module's types) and in
/// total: cooperation intents for the community's projects first signed by both sides in the period, counted once each,
/// with the lines of their latest signed version summed as money (yuan), service (hours) and resources (estimated
/// yuan). A later re-signed version changes the amounts, not the period.</item>
/// <item>兑现 (delivered), by partner type and in total: deliveries the community confirmed in the period (recorded and
/// disputed ones never count), summed in the same units.</item>
/// <item>发放积分 (points issued): points credited to residents from the community's pool in the period — activity
/// awards, check-ins and recycling drop-offs (corrections are not issuing); the figure is the points, its list the
/// transfers.</item>
/// <item>兑换积分 (points redeemed): redemptions a merchant confirmed in the period, by residents whose home community
/// it is (the district: everyone's).</item>
/// <item>活跃居民 (active residents): distinct residents who were issued points from the community's pool in the
/// period.</item>
/// </list>
/// </summary>
public static class BillRules
{
    public static bool Counts(BillFigure figure, NeedFact need) => figure switch
    {
        BillFigure.Received => !need.Merged,
        BillFigure.AnsweredOnTime => !need.Merged && need.FirstRespondedAt is { } answered && answered <= need.RespondBy,
        BillFigure.ToResolve => !need.Merged && !need.Rejected,
        BillFigure.Resolved => !need.Merged && !need.Rejected && need.Resolved,
        BillFigure.Rejected => need.Rejected,
        BillFigure.Merged => need.Merged,
        BillFigure.Rated => !need.Merged && need.LatestRating is not null,
        BillFigure.Satisfied => !need.Merged && need.LatestRating is RatingOutcome.Satisfied or RatingOutcome.BasicallySatisfied,
        _ => false,
    };

    public static bool Counts(BillFigure figure, ProjectFact project, BillPeriod period) => figure switch
    {
        BillFigure.ProjectsCompleted => project.CompletedAt is { } done && done >= period.StartUtc && done < period.EndUtc,
        BillFigure.ProjectsOperating => project.Operating && project.OperatingSince is { } since && since < period.EndUtc,
        _ => false,
    };

    public static bool IsAboutProjects(BillFigure figure) => KindOf(figure) == BillRecordKind.Projects;

    public static BillRecordKind KindOf(BillFigure figure) => figure switch
    {
        BillFigure.ProjectsCompleted or BillFigure.ProjectsOperating => BillRecordKind.Projects,
        >= BillFigure.Pledged and <= BillFigure.PledgedIndividual => BillRecordKind.Intents,
        >= BillFigure.Delivered and <= BillFigure.DeliveredIndividual => BillRecordKind.Deliveries,
        BillFigure.PointsIssued or BillFigure.PointsRedeemed => BillRecordKind.Transfers,
        BillFigure.ActiveResidents => BillRecordKind.Residents,
        _ => BillRecordKind.Needs,
    };

    /// <summary>The partner types the bill breaks contributions down by: the Partners module's type code, its name, and the two figures.</summary>
    public static readonly IReadOnlyList<(string TypeCode, string TypeKey, BillFigure Pledged, BillFigure Delivered)> PartnerTypes =
    [
        ("enterprise", "企事业单位", BillFigure.PledgedEnterprise, BillFigure.DeliveredEnterprise),
        ("merchant", "爱心商家", BillFigure.PledgedMerchant, BillFigure.DeliveredMerchant),
        ("social_organisation", "社会组织", BillFigure.PledgedSocialOrganisation, BillFigure.DeliveredSocialOrganisation),
        ("individual", "爱心人士", BillFigure.PledgedIndividual, BillFigure.DeliveredIndividual),
    ];

    /// <summary>
    /// Whether a pledge (for the pledged figures) or a delivery (for the delivered ones) counts in the figure: the totals
    /// count every one, the by-type figures those of partners of that type.
    /// </summary>
    public static bool Counts(BillFigure figure, ContributionFact contribution) => figure switch
    {
        BillFigure.Pledged or BillFigure.Delivered => true,
        _ => PartnerTypes.Any(t => (t.Pledged == figure || t.Delivered == figure) && t.TypeCode == contribution.PartnerTypeCode),
    };

    /// <summary>The residents counted as active: distinct residents issued points, in the order first met.</summary>
    public static IReadOnlyList<Guid> ActiveResidents(IEnumerable<PointsMove> issued) => [.. issued.Select(m => m.ResidentId).Distinct()];

    public static Rate ResponseRate(IReadOnlyCollection<NeedFact> needs) => Share(needs, BillFigure.AnsweredOnTime, BillFigure.Received);

    public static Rate ResolutionRate(IReadOnlyCollection<NeedFact> needs) => Share(needs, BillFigure.Resolved, BillFigure.ToResolve);

    public static Rate SatisfactionRate(IReadOnlyCollection<NeedFact> needs) => Share(needs, BillFigure.Satisfied, BillFigure.Rated);

    /// <summary>Median time from submission to first answer, over received needs that were answered; null when none.</summary>
    public static TimeSpan? MedianResponseTime(IReadOnlyCollection<NeedFact> needs) => Median(ResponseMinutes(needs));

    /// <summary>Median time from submission to the latest resolution, over resolved needs; null when none.</summary>
    public static TimeSpan? MedianResolutionTime(IReadOnlyCollection<NeedFact> needs) => Median(ResolutionMinutes(needs));

    /// <summary>How many received, answered needs took each whole number of minutes from submission to first answer.</summary>
    public static IReadOnlyDictionary<int, int> ResponseMinutes(IEnumerable<NeedFact> needs) =>
        Histogram(needs.Where(n => Counts(BillFigure.Received, n) && n.FirstRespondedAt is not null).Select(n => n.FirstRespondedAt!.Value - n.SubmittedAt));

    /// <summary>How many resolved needs took each whole number of minutes from submission to the latest resolution.</summary>
    public static IReadOnlyDictionary<int, int> ResolutionMinutes(IEnumerable<NeedFact> needs) =>
        Histogram(needs.Where(n => Counts(BillFigure.Resolved, n) && n.ResolvedAt is not null).Select(n => n.ResolvedAt!.Value - n.SubmittedAt));

    /// <summary>A duration to the minute: whole minutes, the seconds dropped.</summary>
    public static int WholeMinutes(TimeSpan duration) => (int)Math.Floor(duration.TotalMinutes);

    /// <summary>
    /// The median of durations to the minute (each counted in <see cref="WholeMinutes"/>): the middle one, or for an even
    /// number the mean of the two middle ones (so it may end in half a minute); null when there are none.
    /// </summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values) => Median(Histogram(values));

    /// <summary>The median of a histogram of whole minutes → how many (<see cref="Median(IEnumerable{TimeSpan})"/>).</summary>
    public static TimeSpan? Median(IReadOnlyDictionary<int, int> minutes)
    {
        var total = minutes.Values.Sum(v => (long)v);
        if (total == 0)
        {
            return null;
        }

        // The 0-based positions of the middle value(s) in the sorted list.
        var lower = (total - 1) / 2;
        var upper = total / 2;
        int? atLower = null;
        long seen = 0;
        foreach (var (minute, count) in minutes.Where(m => m.Value > 0).OrderBy(m => m.Key))
        {
            seen += count;
            if (atLower is null && seen > lower)
            {
                atLower = minute;
            }

            if (seen > upper)
            {
                return TimeSpan.FromSeconds(30L * (atLower!.Value + minute));
            }
        }

        throw new InvalidOperationException("Unreachable: the histogram's total was counted above.");
    }

    /// <summary>
    /// The median of the sum of <paramref name="histograms"/> (<see cref="Median(IEnumerable{TimeSpan})"/>, exactly):
    /// from the summed hour counts it finds the hour(s) of the middle value(s), then sums the minutes of those hours
    /// only — so a district-year reads a few hundred hour counts per cell instead of every minute.
    /// </summary>
    public static TimeSpan? Median(IReadOnlyCollection<MinuteHistogram> histograms)
    {
        var total = histograms.Sum(h => h.Total);
        if (total == 0)
        {
            return null;
        }

        var hours = SumHours(histograms);
        var lower = (total - 1) / 2;
        var upper = total / 2;
        var (lowerHour, beforeLower) = HourHolding(hours, lower);
        var (upperHour, beforeUpper) = HourHolding(hours, upper);
        return TimeSpan.FromSeconds(30L * (MinuteAt(histograms, lowerHour, lower - beforeLower) + MinuteAt(histograms, upperHour, upper - beforeUpper)));
    }

    /// <summary>
    /// The hours whose minutes <see cref="Median(IReadOnlyCollection{MinuteHistogram})"/> reads of the sum of
    /// <paramref name="histograms"/>: the hour(s) of the middle value(s), from the hour counts alone (none when empty).
    /// </summary>
    public static IReadOnlyList<int> MedianHours(IReadOnlyCollection<MinuteHistogram> histograms)
    {
        var total = histograms.Sum(h => h.Total);
        if (total == 0)
        {
            return [];
        }

        var hours = SumHours(histograms);
        var lowerHour = HourHolding(hours, (total - 1) / 2).Hour;
        var upperHour = HourHolding(hours, total / 2).Hour;
        return lowerHour == upperHour ? [lowerHour] : [lowerHour, upperHour];
    }

    // The summed count of each hour holding values, ascending.
    private static List<(int Hour, long Count)> SumHours(IReadOnlyCollection<MinuteHistogram> histograms)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (var h in histograms.Where(h => h.HourCount > 0))
        {
            min = Math.Min(min, h.HourAt(0));
            max = Math.Max(max, h.HourAt(h.HourCount - 1));
        }

        if ((long)max - min < 1 << 20)
        {
            // Dense: one slot per hour of the range (durations span weeks, so a few thousand slots).
            var dense = new long[max - min + 1];
            foreach (var h in histograms)
            {
                for (var i = 0; i < h.HourCount; i++)
                {
                    dense[h.HourAt(i) - min] += h.CountAt(i);
                }
            }

            var sums = new List<(int, long)>();
            for (var i = 0; i < dense.Length; i++)
            {
                if (dense[i] > 0)
                {
                    sums.Add((min + i, dense[i]));
                }
            }

            return sums;
        }

        var sparse = new Dictionary<int, long>();
        foreach (var h in histograms)
        {
            for (var i = 0; i < h.HourCount; i++)
            {
                sparse[h.HourAt(i)] = sparse.GetValueOrDefault(h.HourAt(i)) + h.CountAt(i);
            }
        }

        return [.. sparse.OrderBy(s => s.Key).Select(s => (s.Key, s.Value))];
    }

    // The hour holding the value at 0-based sorted position `position`, and how many values come before that hour.
    private static (int Hour, long Before) HourHolding(List<(int Hour, long Count)> hours, long position)
    {
        long seen = 0;
        foreach (var (hour, count) in hours)
        {
            if (seen + count > position)
            {
                return (hour, seen);
            }

            seen += count;
        }

        throw new InvalidOperationException("Unreachable: the position is below the histograms' total.");
    }

    // The whole minute of the value at 0-based position `position` among the values of `hour`, summed over the histograms.
    private static long MinuteAt(IReadOnlyCollection<MinuteHistogram> histograms, int hour, long position)
    {
        Span<long> perMinute = stackalloc long[60];
        foreach (var h in histograms)
        {
            h.AddMinutesOf(hour, perMinute);
        }

        long seen = 0;
        for (var m = 0; m < 60; m++)
        {
            seen += perMinute[m];
            if (seen > position)
            {
                return ((long)hour * 60) + m;
            }
        }

        throw new InvalidOperationException("Unreachable: the hour's minutes add up to its count.");
    }

    /// <summary>Adds histograms of whole minutes.</summary>
    public static IReadOnlyDictionary<int, int> Sum(IEnumerable<IReadOnlyDictionary<int, int>> histograms)
    {
        var sum = new Dictionary<int, int>();
        foreach (var histogram in histograms)
        {
            foreach (var (minute, count) in histogram)
            {
                sum[minute] = sum.GetValueOrDefault(minute) + count;
            }
        }

        return sum;
    }

    private static Dictionary<int, int> Histogram(IEnumerable<TimeSpan> values)
    {
        var histogram = new Dictionary<int, int>();
        foreach (var minute in values.Select(WholeMinutes))
        {
            histogram[minute] = histogram.GetValueOrDefault(minute) + 1;
        }

        return histogram;
    }

    private static Rate Share(IReadOnlyCollection<NeedFact> needs, BillFigure part, BillFigure whole) =>
        new(needs.Count(n => Counts(part, n)), needs.Count(n => Counts(whole, n)));
}
