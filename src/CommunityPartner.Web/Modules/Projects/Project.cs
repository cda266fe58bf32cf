using CommunityPartner.Web.Platform.Web;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Projects;

/// <summary>What a project draft or edit brings, already validated.</summary>
public sealed record ProjectDraft(
    Guid CommunityId, Guid CategoryId, string Title, string Summary, string Description, string Address,
    double? Latitude, double? Longitude, OperatingModel Model, string UpkeepPlan, long BudgetYuan);

/// <summary>One line of what a project asks for, already validated. <paramref name="Id"/> names an existing line to keep.</summary>
public sealed record ResourceNeedDraft(Guid? Id, ResourceKind Kind, string Title, int? Hours, long Yuan, bool IsKey);

/// <summary>
/// A community project (社区项目) that answers residents' needs. The entity guards its life — draft → recruiting →
/// matched → in progress → completed → operating, or cancelled — and writes each move on the project's public story.
/// </summary>
public sealed class Project
{
    public const int TitleMax = 60;
    public const int SummaryMax = 200;
    public const int DescriptionMax = 4000;
    public const int AddressMax = 200;
    public const int UpkeepPlanMax = 1000;
    public const int ReasonMax = 500;
    public const int CompletionMax = 2000;
    public const int MaxAsks = 20;
    public const int MaxNeeds = 20;

    /// <summary>One hundred million yuan: more than any community project; a larger figure is a typing error.</summary>
    public const long MaxYuan = 100_000_000;

    private readonly List<ResourceNeed> _asks = [];
    private readonly List<ProjectMilestone> _milestones = [];
    private readonly List<ProjectNeed> _needs = [];
    private readonly List<ProjectEvent> _events = [];

    private Project()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Address { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public OperatingModel Model { get; private set; }

    /// <summary>How the project is kept up once built (长效运营).</summary>
    public string UpkeepPlan { get; private set; } = "";

    public long BudgetYuan { get; private set; }

    public ProjectStatus Status { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? MatchedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? OperatingSince { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>What was done, told to the raisers of the needs it answered.</summary>
    public string? CompletionSummary { get; private set; }

    public Guid? CoverPhotoId { get; private set; }

    /// <summary>Optimistic concurrency: two staff moving the project at once → one wins, the other gets a conflict.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ResourceNeed> Asks => _asks;

    public IReadOnlyList<ProjectMilestone> Milestones => _milestones;

    public IReadOnlyList<ProjectNeed> Needs => _needs;

    public IReadOnlyList<ProjectEvent> Events => _events;

    /// <summary>Visible to the public: published at some point and not a draft.</summary>
    public bool IsPublic => Status is not ProjectStatus.Draft && PublishedAt is not null;

    /// <summary>Still being worked on: links, asks and milestones may change.</summary>
    public bool IsActive => Status is ProjectStatus.Draft or ProjectStatus.Recruiting or ProjectStatus.Matched or ProjectStatus.InProgress;

    public IEnumerable<Guid> LinkedNeedIds => _needs.Where(n => n.UnlinkedAt is null).Select(n => n.NeedId);

    public static Project Create(ProjectDraft draft, IReadOnlyList<ResourceNeedDraft> asks, Guid staffId, DateTime now)
    {
        var project = new Project
        {
            Id = Guid.NewGuid(),
            CommunityId = draft.CommunityId,
            Status = ProjectStatus.Draft,
            CreatedById = staffId,
            CreatedAt = now,
        };
        project.Apply(draft);
        project.SetAsks(asks);
        project.AddEvent(ProjectEventKind.Created, staffId, null, now);
        return project;
    }

    public void Edit(ProjectDraft draft, IReadOnlyList<ResourceNeedDraft> asks)
    {
        Require(IsActive, "项目已经结束，不能再修改");
        Require(draft.CommunityId == CommunityId, "项目不能换到别的社区");
        Apply(draft);
        if (!AsksEqual(asks))
        {
            Require(Status is ProjectStatus.Draft or ProjectStatus.Recruiting, "项目已对接资源，不能再修改需求清单");
            SetAsks(asks);
        }

        Version++;
    }

    /// <summary>Publishes the project to residents and partners (招募合伙人). Its needs move to in progress then.</summary>
    public void Publish(Guid staffId, DateTime now)
    {
        Require(Status == ProjectStatus.Draft, "只有草稿才能发布");
        Require(_asks.Count > 0, "发布前请至少列出一项资源需求");
        Require(Model == OperatingModel.PublicGood || UpkeepPlan.Length > 0, "商业运营或双轮驱动的项目，发布前请写明长效运营计划");
        PublishedAt = now;
        Move(ProjectStatus.Recruiting, ProjectEventKind.Published, staffId, null, now);
    }

    /// <summary>Its key asks are covered by signed cooperation intents (the cooperation module checks that).</summary>
    public void MarkMatched(Guid staffId, DateTime now)
    {
        Require(Status == ProjectStatus.Recruiting, "只有招募中的项目才能标记为已对接");
        MatchedAt = now;
        Move(ProjectStatus.Matched, ProjectEventKind.Matched, staffId, null, now);
    }

    public void Start(Guid staffId, DateTime now)
    {
        Require(Status is ProjectStatus.Recruiting or ProjectStatus.Matched, "只有招募中或已对接的项目才能开始实施");
        StartedAt = now;
        Move(ProjectStatus.InProgress, ProjectEventKind.Started, staffId, null, now);
    }

    public void Complete(Guid staffId, string whatWasDone, DateTime now)
    {
        Require(Status == ProjectStatus.InProgress, "只有实施中的项目才能完工");
        CompletedAt = now;
        CompletionSummary = whatWasDone;
        Move(ProjectStatus.Completed, ProjectEventKind.Completed, staffId, whatWasDone, now);
    }

    /// <summary>A completed project run commercially (or both ways) goes on as an operation. Public-good works end at completion.</summary>
    public void StartOperating(Guid staffId, DateTime now)
    {
        Require(Status == ProjectStatus.Completed, "只有已完工的项目才能进入运营");
        Require(Model != OperatingModel.PublicGood, "公益建设项目完工即结束，没有运营阶段");
        OperatingSince = now;
        Move(ProjectStatus.Operating, ProjectEventKind.Operating, staffId, null, now);
    }

    public void Cancel(Guid staffId, string reason, DateTime now)
    {
        Require(IsActive, "项目已经结束，不能取消");
        CancelledAt = now;
        CancelReason = reason;
        Move(ProjectStatus.Cancelled, ProjectEventKind.Cancelled, staffId, reason, now);
    }

    /// <summary>Takes a need on. The caller moves the need itself (through the needs module) once the project is public.</summary>
    public void LinkNeed(Guid needId, string needTitle, Guid staffId, DateTime now)
    {
        Require(IsActive, "项目已经结束，不能再承接诉求");
        if (LinkedNeedIds.Contains(needId))
        {
            return;
        }

        Require(LinkedNeedIds.Count() < MaxNeeds, "一个项目最多承接 {0} 条诉求", MaxNeeds);
        _needs.Add(new ProjectNeed(Id, needId, now));
        Version++;
        AddEvent(ProjectEventKind.NeedLinked, staffId, needTitle, now);
    }

    public void UnlinkNeed(Guid needId, string needTitle, Guid staffId, DateTime now)
    {
        Require(IsActive, "项目已经结束，不能再调整承接的诉求");
        var link = _needs.FirstOrDefault(n => n.NeedId == needId && n.UnlinkedAt is null)
            ?? throw new DomainException("这条诉求不属于这个项目");
        link.Unlink(now);
        Version++;
        AddEvent(ProjectEventKind.NeedUnlinked, staffId, needTitle, now);
    }

    public ProjectMilestone AddMilestone(string title, DateOnly plannedOn)
    {
        Require(IsActive, "项目已经结束，不能再添加节点");
        Require(_milestones.Count < MaxAsks, "一个项目最多 {0} 个节点", MaxAsks);
        var milestone = new ProjectMilestone(Guid.NewGuid(), Id, title, plannedOn, _milestones.Count + 1);
        _milestones.Add(milestone);
        Version++;
        return milestone;
    }

    public void ReachMilestone(Guid milestoneId, DateOnly reachedOn, string? note, Guid staffId, DateTime now)
    {
        Require(Status is ProjectStatus.InProgress or ProjectStatus.Completed or ProjectStatus.Operating, "项目开始实施后才能记录节点完成");
        var milestone = _milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new DomainException("未找到这个节点");
        Require(milestone.ReachedOn is null, "这个节点已经完成");
        milestone.Reach(reachedOn, note);
        Version++;
        AddEvent(ProjectEventKind.MilestoneReached, staffId, milestone.Title, now);
    }

    public void SetCover(Guid photoId)
    {
        CoverPhotoId = photoId;
        Version++;
    }

    public object Snapshot() => new
    {
        Status,
        Title,
        Model,
        BudgetYuan,
        PublishedAt,
        MatchedAt,
        StartedAt,
        CompletedAt,
        OperatingSince,
        CancelledAt,
        CancelReason,
        Asks = _asks.Select(a => new { a.Id, a.Kind, a.Title, a.Hours, a.Yuan, a.IsKey }),
        Needs = LinkedNeedIds.ToList(),
        Version,
    };

    private void Apply(ProjectDraft draft)
    {
        CategoryId = draft.CategoryId;
        Title = draft.Title;
        Summary = draft.Summary;
        Description = draft.Description;
        Address = draft.Address;
        Latitude = draft.Latitude;
        Longitude = draft.Longitude;
        Model = draft.Model;
        UpkeepPlan = draft.UpkeepPlan;
        BudgetYuan = draft.BudgetYuan;
    }

    private bool AsksEqual(IReadOnlyList<ResourceNeedDraft> asks) =>
        asks.Count == _asks.Count && asks.Zip(_asks.OrderBy(a => a.SortOrder)).All(p =>
            p.First.Id == p.Second.Id && p.First.Kind == p.Second.Kind && p.First.Title == p.Second.Title
            && p.First.Hours == p.Second.Hours && p.First.Yuan == p.Second.Yuan && p.First.IsKey == p.Second.IsKey);

    /// <summary>Lines named by id are kept (offers point at them), new lines are added, missing ones removed.</summary>
    private void SetAsks(IReadOnlyList<ResourceNeedDraft> asks)
    {
        Require(asks.Count <= MaxAsks, "资源需求最多 {0} 项", MaxAsks);
        var keep = asks.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        _asks.RemoveAll(a => !keep.Contains(a.Id));
        var order = 1;
        foreach (var draft in asks)
        {
            var line = draft.Id is { } id ? _asks.FirstOrDefault(a => a.Id == id) : null;
            if (line is null)
            {
                Require(draft.Id is null, "资源需求已被修改，请刷新后再试");
                line = new ResourceNeed(Guid.NewGuid(), Id);
                _asks.Add(line);
            }

            line.Set(draft.Kind, draft.Title, draft.Hours, draft.Yuan, draft.IsKey, order++);
        }
    }

    private void Move(ProjectStatus to, ProjectEventKind kind, Guid staffId, string? text, DateTime now)
    {
        Status = to;
        Version++;
        AddEvent(kind, staffId, text, now);
    }

    private void AddEvent(ProjectEventKind kind, Guid? actorId, string? text, DateTime now) =>
        _events.Add(new ProjectEvent(Id, kind, actorId, text, now));
}
