namespace CommunityPartner.Web.Modules.Needs;

/// <summary>submitted → responded → in progress → resolved → rated; or rejected, or merged into another need.</summary>
public enum NeedStatus
{
    Submitted = 0,
    Responded = 1,
    InProgress = 2,
    Resolved = 3,
    Rated = 4,
    Rejected = 5,
    Merged = 6,
}

/// <summary>How the need reached the community.</summary>
public enum NeedChannel
{
    Web = 0,
    Hotline = 1,
    WalkIn = 2,
    GridWorker = 3,
}

/// <summary>Where a need's record comes from.</summary>
public enum NeedSource
{
    Raised = 0,
    Imported = 1,
}

/// <summary>The raiser's verdict on the answer (回访).</summary>
public enum Satisfaction
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

public static class NeedText
{
    public static string StatusKey(NeedStatus status) => status switch
    {
        NeedStatus.Submitted => "待回应",
        NeedStatus.Responded => "已回应",
        NeedStatus.InProgress => "处理中",
        NeedStatus.Resolved => "已解决",
        NeedStatus.Rated => "已评价",
        NeedStatus.Rejected => "不予受理",
        NeedStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static string ChannelKey(NeedChannel channel) => channel switch
    {
        NeedChannel.Web => "网上提交",
        NeedChannel.Hotline => "热线电话",
        NeedChannel.WalkIn => "上门反映",
        NeedChannel.GridWorker => "网格员上报",
        _ => channel.ToString(),
    };

    public static string SatisfactionKey(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => satisfaction.ToString(),
    };

    /// <summary>API spelling of a status: submitted, responded, in_progress, resolved, rated, rejected, merged.</summary>
    public static string StatusCode(NeedStatus status) => status switch
    {
        NeedStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static NeedStatus? ParseStatus(string? code) => code switch
    {
        "submitted" => NeedStatus.Submitted,
        "responded" => NeedStatus.Responded,
        "in_progress" => NeedStatus.InProgress,
        "resolved" => NeedStatus.Resolved,
        "rated" => NeedStatus.Rated,
        "rejected" => NeedStatus.Rejected,
        "merged" => NeedStatus.Merged,
        _ => null,
    };
}
