using CommunityPartner.Web.Platform.Time;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Projects;

/// <summary>One month's running costs of an operating project and who paid them, in whole yuan.</summary>
/// <param name="CostsYuan">运营成本: what running the project cost that month (more than 0).</param>
/// <param name="OwnIncomeYuan">自身经营收入: the project's own commercial income.</param>
/// <param name="MerchantYuan">商家支持: contributions of merchants.</param>
/// <param name="PartnerYuan">合作伙伴支持: support of partners (enterprises, social organisations, individuals).</param>
/// <param name="DistrictYuan">区级财政投入: district money.</param>
public sealed record RunningCostFigures(long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan);

/// <summary>
/// 运营收支: the running costs of an operating project for one month (Beijing time) and the money that covered them, by
/// source. One per project and month. A correction overwrites the figures, needs a reason, and is audited with the
/// figures before and after (the audit log keeps the history; a published bill keeps its own frozen copy).
/// </summary>
public sealed class RunningCostRecord
{
    public const int ReasonMax = 300;

    private RunningCostRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The project's community, kept here so a community's records are read without a join.</summary>
    public Guid CommunityId { get; private set; }

    /// <summary>The month as yyyy-MM, Beijing time.</summary>
    public string Month { get; private set; } = "";

    public long CostsYuan { get; private set; }

    public long OwnIncomeYuan { get; private set; }

    public long MerchantYuan { get; private set; }

    public long PartnerYuan { get; private set; }

    public long DistrictYuan { get; private set; }

    public Guid RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public DateTime? CorrectedAt { get; private set; }

    public Guid? CorrectedById { get; private set; }

    /// <summary>Why the figures were last corrected.</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>Optimistic concurrency: two corrections at once → one wins, the other gets a conflict.</summary>
    public int Version { get; private set; }

    public RunningCostFigures Figures => new(CostsYuan, OwnIncomeYuan, MerchantYuan, PartnerYuan, DistrictYuan);

    public static RunningCostRecord Record(Project project, string month, RunningCostFigures figures, Guid staffId, DateTime now)
    {
        Require(project.Status == ProjectStatus.Operating && project.OperatingSince is not null, "只有运营中的项目才能记录运营收支");
        Require(string.CompareOrdinal(month, DistrictTime.Month(project.OperatingSince!.Value)) >= 0, "不能记录项目开始运营（{0}）之前的月份", DistrictTime.Month(project.OperatingSince!.Value));
        Require(string.CompareOrdinal(month, DistrictTime.Month(now)) <= 0, "不能记录还没有到的月份");
        Guard(figures);
        var record = new RunningCostRecord
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            CommunityId = project.CommunityId,
            Month = month,
            RecordedById = staffId,
            RecordedAt = now,
        };
        record.Set(figures);
        return record;
    }

    /// <summary>Overwrites the figures; the caller audits before and after. Refused without a reason or when nothing changes.</summary>
    public void Correct(RunningCostFigures figures, string reason, Guid staffId, DateTime now)
    {
        Require(reason.Trim().Length > 0, "更正运营收支时，请说明原因");
        Require(figures != Figures, "数字与已记录的相同，不需要更正");
        Guard(figures);
        Set(figures);
        CorrectionReason = reason.Trim();
        CorrectedAt = now;
        CorrectedById = staffId;
        Version++;
    }

    private static void Guard(RunningCostFigures f)
    {
        Require(f.CostsYuan is > 0 and <= Project.MaxYuan, "运营成本须大于 0 元");
        Require(new[] { f.OwnIncomeYuan, f.MerchantYuan, f.PartnerYuan, f.DistrictYuan }.All(v => v is >= 0 and <= Project.MaxYuan), "各项资金来源不能为负数");
    }

    private void Set(RunningCostFigures f)
    {
        CostsYuan = f.CostsYuan;
        OwnIncomeYuan = f.OwnIncomeYuan;
        MerchantYuan = f.MerchantYuan;
        PartnerYuan = f.PartnerYuan;
        DistrictYuan = f.DistrictYuan;
    }
}
