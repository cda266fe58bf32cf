using System.Globalization;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Time;

namespace CommunityPartner.Web.Modules.Bills.Sustainability;

/// <summary>
/// Sums of running-cost records in yuan with the self-sustainability rate as <see cref="SustainabilitySums"/> defines
/// it (computed when read live, stored as it was when published). <see cref="RatePercent"/> null = no record ("—").
/// </summary>
public sealed record SustainabilityLine(long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan, decimal? RatePercent, long SurplusYuan, int Records)
{
    public long SelfFundedYuan => OwnIncomeYuan + MerchantYuan + PartnerYuan;

    public static SustainabilityLine Of(SustainabilitySums s) =>
        new(s.CostsYuan, s.OwnIncomeYuan, s.MerchantYuan, s.PartnerYuan, s.DistrictYuan, s.RatePercent, s.SurplusYuan, s.RecordCount);
}

public sealed record SustainabilityProjectLine(Guid ProjectId, string Title, SustainabilityLine Figures)
{
    public string Link => $"/projects/{ProjectId}";
}

/// <summary>One monthly record as a bill counts it (frozen with a published version, so its list still adds up to the figure after a correction).</summary>
public sealed record SustainabilityRecordLine(Guid Id, Guid ProjectId, string ProjectTitle, string Month, long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan)
{
    public static SustainabilityRecordLine Of(RunningCostFact r) =>
        new(r.Id, r.ProjectId, r.ProjectTitle, r.Month, r.CostsYuan, r.OwnIncomeYuan, r.MerchantYuan, r.PartnerYuan, r.DistrictYuan);

    public RunningCostFact Fact(Guid communityId) => new(Id, ProjectId, communityId, ProjectTitle, Month, CostsYuan, OwnIncomeYuan, MerchantYuan, PartnerYuan, DistrictYuan);
}

/// <summary>
/// The bill's self-sustainability section (自我造血): the community's (or district's) sums and rate, each operating
/// project's, and the monthly records behind them. Part of the live sheet and of a published version's figures.
/// </summary>
public sealed record SustainabilityFigures(SustainabilityLine Total, IReadOnlyList<SustainabilityProjectLine> Projects, IReadOnlyList<SustainabilityRecordLine> Records)
{
    /// <summary>The key of the record ids in a version's records JSON.</summary>
    public const string RecordsKey = "self-sustainability";

    public static SustainabilityFigures Of(CommunitySustainability c) => new(
        SustainabilityLine.Of(c.Total),
        [.. c.Projects.Select(p => new SustainabilityProjectLine(p.ProjectId, p.Title, SustainabilityLine.Of(p.Sums)))],
        [.. c.Records.Select(SustainabilityRecordLine.Of)]);

    /// <summary>The records behind the total (no project) or one project's line, by month.</summary>
    public IReadOnlyList<SustainabilityRecordLine> RecordsOf(Guid? projectId) =>
        [.. Records.Where(r => projectId is null || r.ProjectId == projectId)];

    /// <summary>The months of a bill period, first and last (yyyy-MM, Beijing time).</summary>
    public static (string First, string Last) MonthsOf(BillPeriod period)
    {
        var start = DistrictTime.OffsetOf(period.StartUtc);
        var last = DistrictTime.OffsetOf(period.EndUtc).AddMonths(-1);
        return (start.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    public static async Task<SustainabilityFigures> ReadAsync(IProjectSustainability projects, Guid? communityId, BillPeriod period, CancellationToken ct)
    {
        var (first, last) = MonthsOf(period);
        return Of(await projects.ForPeriodAsync(communityId, first, last, ct));
    }

    /// <summary>What differs in the community's (or district's) line from an earlier version, for the corrections list.</summary>
    public static IEnumerable<(string Key, string Before, string After)> Changes(SustainabilityFigures? earlier, SustainabilityFigures? now)
    {
        if (earlier is null || now is null)
        {
            yield break;
        }

        var (a, b) = (earlier.Total, now.Total);
        foreach (var (key, before, after) in new (string, object?, object?)[]
        {
            ("自我造血率", a.RatePercent, b.RatePercent),
            ("运营成本（元）", a.CostsYuan, b.CostsYuan),
            ("自我造血资金（元）", a.SelfFundedYuan, b.SelfFundedYuan),
            ("区级财政投入（元）", a.DistrictYuan, b.DistrictYuan),
            ("运营收支记录", a.Records, b.Records),
        })
        {
            if (!Equals(before, after))
            {
                yield return (key, Show(before), Show(after));
            }
        }
    }

    private static string Show(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : "—";
}

/// <summary>What the bill's self-sustainability partial shows: live or frozen figures (null: not recorded in that version), each linking to its records.</summary>
public sealed record BillSustainabilityModel(SustainabilityFigures? Figures, string Scope, BillPeriod Period, int? Version)
{
    public string Link(Guid? projectId) => SustainabilityEndpoints.Link(Scope, Period, projectId, Version);

    public static string Rate(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Yuan(long yuan) => yuan.ToString("N0", CultureInfo.InvariantCulture);
}
