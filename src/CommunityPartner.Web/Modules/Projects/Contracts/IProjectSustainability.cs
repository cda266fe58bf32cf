namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>One month's running costs (运营收支) of an operating project, in whole yuan, as other modules see it.</summary>
public sealed record RunningCostFact(
    Guid Id, Guid ProjectId, Guid CommunityId, string ProjectTitle, string Month,
    long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan)
{
    public string ProjectLink => $"/projects/{ProjectId}";
}

/// <summary>
/// The sums of some monthly running-cost records and the self-sustainability rate they give — the one definition:
/// <para>
/// 自我造血率 (self-sustainability rate) of a project for a period = (自身经营收入 own commercial income + 商家支持
/// merchant contributions + 合作伙伴支持 partner support) ÷ 运营成本 running costs, each summed over the months of the
/// period that have a record; capped at 100 % (what is above the costs is shown apart as 结余 surplus). 区级财政投入
/// (district money) is not self-funding. A community's rate is the same sums over the records of its operating projects
/// in the period (pooled, not a mean of project rates); the district's over all communities'. With no record the rate
/// is null, shown as "—", never 0 %.
/// </para>
/// </summary>
public sealed record SustainabilitySums(long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan, IReadOnlyList<Guid> RecordIds)
{
    public static readonly SustainabilitySums None = new(0, 0, 0, 0, 0, []);

    /// <summary>Own income + merchants + partners: the money the project raised itself.</summary>
    public long SelfFundedYuan => OwnIncomeYuan + MerchantYuan + PartnerYuan;

    /// <summary>Self-funded money above the running costs; 0 when none.</summary>
    public long SurplusYuan => Math.Max(0, SelfFundedYuan - CostsYuan);

    public int RecordCount => RecordIds.Count;

    /// <summary>The rate in percent, one decimal, capped at 100; null when there are no records.</summary>
    public decimal? RatePercent => CostsYuan <= 0 ? null : Math.Min(100m, Math.Round(100m * SelfFundedYuan / CostsYuan, 1, MidpointRounding.AwayFromZero));

    public static SustainabilitySums Of(IEnumerable<RunningCostFact> records)
    {
        var list = records.OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.ProjectTitle, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        return new(
            list.Sum(r => r.CostsYuan), list.Sum(r => r.OwnIncomeYuan), list.Sum(r => r.MerchantYuan), list.Sum(r => r.PartnerYuan), list.Sum(r => r.DistrictYuan),
            [.. list.Select(r => r.Id)]);
    }
}

/// <summary>A project's sums in a period.</summary>
public sealed record ProjectSustainability(Guid ProjectId, string Title, SustainabilitySums Sums)
{
    public string Link => $"/projects/{ProjectId}";
}

/// <summary>A community's (or, with no community, the district's) sums in a period, and each project's, by title.</summary>
public sealed record CommunitySustainability(SustainabilitySums Total, IReadOnlyList<ProjectSustainability> Projects, IReadOnlyList<RunningCostFact> Records);

/// <summary>
/// Self-sustainability (自我造血) figures from the running-cost records staff keep per operating project and month.
/// Months are yyyy-MM in Beijing time; a range includes both ends.
/// </summary>
public interface IProjectSustainability
{
    /// <summary>The records of one community (or all, when null) in the months from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>, summed.</summary>
    Task<CommunitySustainability> ForPeriodAsync(Guid? communityId, string firstMonth, string lastMonth, CancellationToken ct);

    /// <summary>Every community's sums in the months (communities with no record are absent).</summary>
    Task<IReadOnlyDictionary<Guid, SustainabilitySums>> ByCommunityAsync(string firstMonth, string lastMonth, CancellationToken ct);
}
