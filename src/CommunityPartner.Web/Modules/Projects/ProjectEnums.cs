namespace CommunityPartner.Web.Modules.Projects;

/// <summary>draft → recruiting (published) → matched → in progress → completed → operating; or cancelled.</summary>
public enum ProjectStatus
{
    Draft = 0,
    Recruiting = 1,
    Matched = 2,
    InProgress = 3,
    Completed = 4,
    Operating = 5,
    Cancelled = 6,
}

/// <summary>How the project lives on once built.</summary>
public enum OperatingModel
{
    /// <summary>公益建设: built for the public good, kept up by the community.</summary>
    PublicGood = 0,

    /// <summary>商业运营: run commercially.</summary>
    Commercial = 1,

    /// <summary>双轮驱动: public-good construction plus commercial operation.</summary>
    DualWheel = 2,
}

/// <summary>What a <see cref="ResourceNeed"/> line asks for.</summary>
public enum ResourceKind
{
    /// <summary>Money, in yuan.</summary>
    Funding = 0,

    /// <summary>A technical service: what, how many hours, an estimated value.</summary>
    TechnicalService = 1,

    /// <summary>An organisational resource: a venue, volunteers, materials… with an estimated value.</summary>
    OrganisationalResource = 2,
}

public enum ProjectEventKind
{
    Created = 0,
    Published = 1,
    Matched = 2,
    Started = 3,
    MilestoneReached = 4,
    Completed = 5,
    Operating = 6,
    Cancelled = 7,
    NeedLinked = 8,
    NeedUnlinked = 9,
}

public enum ProjectPhotoKind
{
    Cover = 0,
    Update = 1,
}

public static class ProjectText
{
    public static string StatusKey(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Recruiting => "招募合伙人",
        ProjectStatus.Matched => "已对接",
        ProjectStatus.InProgress => "实施中",
        ProjectStatus.Completed => "已完工",
        ProjectStatus.Operating => "运营中",
        ProjectStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    /// <summary>API spelling: draft, recruiting, matched, in_progress, completed, operating, cancelled.</summary>
    public static string StatusCode(ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static ProjectStatus? ParseStatus(string? code) =>
        Enum.GetValues<ProjectStatus>().Cast<ProjectStatus?>().FirstOrDefault(s => StatusCode(s!.Value) == code);

    public static string ModelKey(OperatingModel model) => model switch
    {
        OperatingModel.PublicGood => "公益建设",
        OperatingModel.Commercial => "商业运营",
        OperatingModel.DualWheel => "双轮驱动",
        _ => model.ToString(),
    };

    /// <summary>API spelling: public_good, commercial, dual_wheel.</summary>
    public static string ModelCode(OperatingModel model) => model switch
    {
        OperatingModel.PublicGood => "public_good",
        OperatingModel.DualWheel => "dual_wheel",
        _ => "commercial",
    };

    public static OperatingModel? ParseModel(string? code) =>
        Enum.GetValues<OperatingModel>().Cast<OperatingModel?>().FirstOrDefault(m => ModelCode(m!.Value) == code);

    public static string KindKey(ResourceKind kind) => kind switch
    {
        ResourceKind.Funding => "资金",
        ResourceKind.TechnicalService => "技术服务",
        ResourceKind.OrganisationalResource => "组织资源",
        _ => kind.ToString(),
    };

    /// <summary>API spelling: funding, service, resource.</summary>
    public static string KindCode(ResourceKind kind) => kind switch
    {
        ResourceKind.Funding => "funding",
        ResourceKind.TechnicalService => "service",
        _ => "resource",
    };

    public static ResourceKind? ParseKind(string? code) =>
        Enum.GetValues<ResourceKind>().Cast<ResourceKind?>().FirstOrDefault(k => KindCode(k!.Value) == code);

    public static string EventKey(ProjectEventKind kind) => kind switch
    {
        ProjectEventKind.Created => "创建项目",
        ProjectEventKind.Published => "发布项目，招募合伙人",
        ProjectEventKind.Matched => "资源对接完成",
        ProjectEventKind.Started => "开始实施",
        ProjectEventKind.MilestoneReached => "完成节点",
        ProjectEventKind.Completed => "项目完工",
        ProjectEventKind.Operating => "进入运营",
        ProjectEventKind.Cancelled => "项目取消",
        ProjectEventKind.NeedLinked => "承接诉求",
        ProjectEventKind.NeedUnlinked => "不再承接诉求",
        _ => kind.ToString(),
    };
}
