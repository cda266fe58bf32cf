namespace CommunityPartner.Web.Modules.Needs;

public enum NeedEventKind
{
    Submitted = 0,
    Responded = 1,
    Started = 2,
    Resolved = 3,
    Rejected = 4,
    Merged = 5,
    MergedFrom = 6,
    Rated = 7,
    Reopened = 8,
    LinkedToProject = 9,
    UnlinkedFromProject = 10,
}

/// <summary>One line of a need's public timeline.</summary>
public sealed class NeedEvent
{
    private NeedEvent()
    {
    }

    public NeedEvent(Guid needId, NeedEventKind kind, Guid? actorId, string? text, DateTime at)
    {
        NeedId = needId;
        Kind = kind;
        ActorId = actorId;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public Guid NeedId { get; private set; }

    public NeedEventKind Kind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? Text { get; private set; }

    public DateTime At { get; private set; }

    public static string KindKey(NeedEventKind kind) => kind switch
    {
        NeedEventKind.Submitted => "提出诉求",
        NeedEventKind.Responded => "社区回应",
        NeedEventKind.Started => "开始处理",
        NeedEventKind.Resolved => "已解决",
        NeedEventKind.Rejected => "不予受理",
        NeedEventKind.Merged => "合并到",
        NeedEventKind.MergedFrom => "合并了相同诉求",
        NeedEventKind.Rated => "居民评价",
        NeedEventKind.Reopened => "居民不满意，重新办理",
        NeedEventKind.LinkedToProject => "纳入社区项目",
        NeedEventKind.UnlinkedFromProject => "项目不再承接，回到社区待办",
        _ => kind.ToString(),
    };
}
