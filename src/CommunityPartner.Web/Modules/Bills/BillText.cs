namespace CommunityPartner.Web.Modules.Bills;

/// <summary>How figures are named in URLs and on the page (Chinese keys, localized at the edge).</summary>
public static class BillText
{
    public static string Code(BillFigure figure) => figure switch
    {
        BillFigure.Received => "received",
        BillFigure.AnsweredOnTime => "answered-on-time",
        BillFigure.ToResolve => "to-resolve",
        BillFigure.Resolved => "resolved",
        BillFigure.Rejected => "rejected",
        BillFigure.Merged => "merged",
        BillFigure.Rated => "rated",
        BillFigure.Satisfied => "satisfied",
        BillFigure.ProjectsCompleted => "projects-completed",
        BillFigure.ProjectsOperating => "projects-operating",
        BillFigure.Pledged => "pledged",
        BillFigure.PledgedEnterprise => "pledged-enterprise",
        BillFigure.PledgedMerchant => "pledged-merchant",
        BillFigure.PledgedSocialOrganisation => "pledged-social-organisation",
        BillFigure.PledgedIndividual => "pledged-individual",
        BillFigure.Delivered => "delivered",
        BillFigure.DeliveredEnterprise => "delivered-enterprise",
        BillFigure.DeliveredMerchant => "delivered-merchant",
        BillFigure.DeliveredSocialOrganisation => "delivered-social-organisation",
        BillFigure.DeliveredIndividual => "delivered-individual",
        BillFigure.PointsIssued => "points-issued",
        BillFigure.PointsRedeemed => "points-redeemed",
        _ => "active-residents",
    };

    public static bool TryParse(string? code, out BillFigure figure)
    {
        foreach (var candidate in Enum.GetValues<BillFigure>())
        {
            if (string.Equals(Code(candidate), code, StringComparison.Ordinal))
            {
                figure = candidate;
                return true;
            }
        }

        figure = default;
        return false;
    }

    public static string LabelKey(BillFigure figure) => figure switch
    {
        BillFigure.Received => "收到诉求",
        BillFigure.AnsweredOnTime => "按时回应",
        BillFigure.ToResolve => "应解决",
        BillFigure.Resolved => "已解决",
        BillFigure.Rejected => "不予受理",
        BillFigure.Merged => "合并为重复",
        BillFigure.Rated => "已评价",
        BillFigure.Satisfied => "满意和基本满意",
        BillFigure.ProjectsCompleted => "完成的项目",
        BillFigure.ProjectsOperating => "运营中的项目",
        BillFigure.Pledged => "认捐合计",
        BillFigure.PledgedEnterprise => "企事业单位认捐",
        BillFigure.PledgedMerchant => "爱心商家认捐",
        BillFigure.PledgedSocialOrganisation => "社会组织认捐",
        BillFigure.PledgedIndividual => "爱心人士认捐",
        BillFigure.Delivered => "兑现合计",
        BillFigure.DeliveredEnterprise => "企事业单位兑现",
        BillFigure.DeliveredMerchant => "爱心商家兑现",
        BillFigure.DeliveredSocialOrganisation => "社会组织兑现",
        BillFigure.DeliveredIndividual => "爱心人士兑现",
        BillFigure.PointsIssued => "发放积分",
        BillFigure.PointsRedeemed => "兑换积分",
        _ => "活跃居民",
    };

    public static string HelpKey(BillFigure figure) => figure switch
    {
        BillFigure.Received => "账期内提出的诉求，不含合并到其他诉求的重复诉求。",
        BillFigure.AnsweredOnTime => "在回应时限内（含恰好到期时）得到社区第一次答复的诉求：回应、开始处理、不予受理或纳入项目都算答复。",
        BillFigure.ToResolve => "收到的诉求中，除去不予受理的。",
        BillFigure.Resolved => "现在处于已解决或已评价的诉求；居民评价不满意而重新办理的，再次解决前不算。",
        BillFigure.Rejected => "社区说明理由后不予受理的诉求。",
        BillFigure.Merged => "与其他诉求重复、已合并过去的诉求，只在合并后的诉求中计一次。",
        BillFigure.Rated => "提出人至少评价过一次的诉求，以最近一次评价为准。",
        BillFigure.Satisfied => "最近一次评价为满意或基本满意的诉求。",
        BillFigure.ProjectsCompleted => "账期内完成的社区项目。",
        BillFigure.ProjectsOperating => "现在仍在运营、且在账期结束前开始运营的项目。",
        >= BillFigure.Pledged and <= BillFigure.PledgedIndividual => PledgedHelp,
        >= BillFigure.Delivered and <= BillFigure.DeliveredIndividual => DeliveredHelp,
        BillFigure.PointsIssued => "账期内从本社区积分池发给居民的积分：活动奖励、活动签到和回收投递，不含更正。列表是每一笔发放。",
        BillFigure.PointsRedeemed => "账期内商家确认核销的积分兑换，按居民所在社区统计。列表是每一笔兑换。",
        _ => "账期内从本社区积分池获得过积分的居民人数，每人只计一次。",
    };

    /// <summary>How pledges are counted (认捐), for the help text.</summary>
    public const string PledgedHelp = "账期内双方首次签署的本社区项目合作意向，每份计一次；金额按最新签署版本的出力内容合计：资金（元）、技术服务（小时）、组织资源（估算价值，元）。";

    /// <summary>How deliveries are counted (兑现), for the help text.</summary>
    public const string DeliveredHelp = "账期内社区确认的兑现记录（待确认和有异议的不算），按同样的单位合计。";

    /// <summary>The two contribution tables: anchor id, title, the total figure, help, the unit of its count.</summary>
    public static readonly IReadOnlyList<(string Id, string TitleKey, BillFigure Total, string HelpKey, string UnitKey)> ContributionTables =
    [
        ("pledged", "合伙人认捐", BillFigure.Pledged, PledgedHelp, "合作意向（份）"),
        ("delivered", "合伙人兑现", BillFigure.Delivered, DeliveredHelp, "兑现（次）"),
    ];

    public const string TotalKey = "合计";

    /// <summary>A ledger transfer's kind (<c>award</c>, <c>dropoff</c>, <c>redemption</c>) as the records list names it.</summary>
    public static string TransferKindKey(string code) => code switch
    {
        "award" => "活动奖励",
        "dropoff" => "回收投递",
        _ => "兑换",
    };

    /// <summary>The three rates as the bill shows them: name, the two figures they divide, and how.</summary>
    public static readonly IReadOnlyList<(string Key, BillFigure Part, BillFigure Whole, string HelpKey)> Rates =
    [
        ("响应率", BillFigure.AnsweredOnTime, BillFigure.Received, "在回应时限内得到答复的诉求，占收到诉求的比例。"),
        ("解决率", BillFigure.Resolved, BillFigure.ToResolve, "已解决的诉求，占应解决诉求（收到的诉求除去不予受理）的比例。"),
        ("满意率", BillFigure.Satisfied, BillFigure.Rated, "最近一次评价为满意或基本满意的诉求，占已评价诉求的比例。"),
    ];

    public static string PeriodKey(BillPeriod period) => period.Kind switch
    {
        BillPeriodKind.Year => "{0}年",
        BillPeriodKind.Quarter => "{0}年第{1}季度",
        _ => "{0}年{1}月",
    };
}
