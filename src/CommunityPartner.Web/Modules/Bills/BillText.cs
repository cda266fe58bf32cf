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
        _ => "projects-operating",
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
        _ => "运营中的项目",
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
        _ => "现在仍在运营、且在账期结束前开始运营的项目。",
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
