using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Needs;

/// <summary>
/// A resident's need (诉求) on the community's public problem list. The entity guards every move of its life and
/// records each one on its public timeline; the response and resolution facts it keeps are what the district's three
/// rates are computed from.
/// </summary>
public sealed class Need
{
    public const int TitleMax = 60;
    public const int DescriptionMax = 2000;
    public const int AddressMax = 200;
    public const int AnswerMax = 1000;

    private readonly List<NeedEvent> _events = [];
    private readonly List<NeedRating> _ratings = [];
    private readonly List<ListNeeds.NeedSearchGram> _searchGrams = [];

    private Need()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Address { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public NeedChannel Channel { get; private set; }

    /// <summary>The resident the need belongs to (who rates it). Null when staff recorded it for someone without an account.</summary>
    public Guid? RaiserId { get; private set; }

    /// <summary>The staff member who recorded it on the resident's behalf (hotline, walk-in, grid worker).</summary>
    public Guid? RecordedById { get; private set; }

    /// <summary>The raiser agreed to show their display name publicly; otherwise it is masked.</summary>
    public bool ShowRaiserName { get; private set; }

    public NeedStatus Status { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime RespondBy { get; private set; }

    public DateTime ResolveBy { get; private set; }

    public DateTime? FirstRespondedAt { get; private set; }

    public DateTime? FirstResolvedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ResolutionText { get; private set; }

    public string? RejectionReason { get; private set; }

    public Guid? MergedIntoId { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The community project that answers this need, while it does.</summary>
    public Guid? ProjectId { get; private set; }

    public int SupportCount { get; private set; }

    /// <summary>Raised here, or imported from a community's existing list (台账); the bill can tell them apart.</summary>
    public NeedSource Source { get; private set; }

    /// <summary>The import (<see cref="ImportNeeds.NeedImport"/>) that brought this need in, if any.</summary>
    public Guid? ImportId { get; private set; }

    /// <summary>Lower-cased title, description and address: what the list's search looks in.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Optimistic concurrency: two staff answering at once → one wins, the other gets a conflict.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<NeedEvent> Events => _events;

    public IReadOnlyList<NeedRating> Ratings => _ratings;

    /// <summary>The need's entries in the list's search index, written once when it is raised.</summary>
    public IReadOnlyList<ListNeeds.NeedSearchGram> SearchGrams => _searchGrams;

    public bool IsOpen => Status is NeedStatus.Submitted or NeedStatus.Responded or NeedStatus.InProgress;

    public static Need Raise(NeedDraft draft, NeedCategory category, DateTime now)
    {
        var need = new Need
        {
            Id = Guid.NewGuid(),
            CommunityId = draft.CommunityId,
            CategoryId = category.Id,
            Title = draft.Title,
            Description = draft.Description,
            Address = draft.Address,
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            Channel = draft.Channel,
            RaiserId = draft.RaiserId,
            RecordedById = draft.RecordedById,
            ShowRaiserName = draft.ShowRaiserName,
            Status = NeedStatus.Submitted,
            SubmittedAt = now,
            RespondBy = now.AddHours(category.ResponseHours),
            ResolveBy = now.AddDays(category.ResolutionDays),
        };
        need.SearchText = SearchTextOf(need.Title, need.Description, need.Address);
        need._searchGrams.AddRange(ListNeeds.NeedSearchGram.GramsOf(need.SearchText).Select(g => new ListNeeds.NeedSearchGram(g, need.Id, now)));
        need.AddEvent(NeedEventKind.Submitted, draft.RecordedById ?? draft.RaiserId, null, now);
        return need;
    }

    /// <summary>
    /// A need from a community's existing list, with its history: raised at the recorded time, then moved through the
    /// same guarded steps as any need (answered, started, resolved or declined) at the recorded times, by the staff
    /// member importing it. The history must be in order and in the past.
    /// </summary>
    public static Need Import(NeedDraft draft, NeedCategory category, ImportedHistory history, Guid importId, Guid staffId, DateTime now)
    {
        Require(history.SubmittedAt <= now, "提交日期不能晚于今天");
        var answeredAt = history.RespondedAt ?? history.SubmittedAt;
        Require(answeredAt >= history.SubmittedAt, "回应日期不能早于提交日期");
        Require(history.ResolvedAt is null || history.ResolvedAt >= answeredAt, "解决日期不能早于回应日期");
        Require(answeredAt <= now && (history.ResolvedAt ?? now) <= now, "日期不能晚于今天");
        var need = Raise(draft, category, history.SubmittedAt);
        need.Source = NeedSource.Imported;
        need.ImportId = importId;
        var text = string.IsNullOrWhiteSpace(history.Text) ? null : history.Text.Trim();
        switch (history.Status)
        {
            case NeedStatus.Submitted:
                break;
            case NeedStatus.Responded:
                need.Respond(staffId, text ?? "（台账导入）", answeredAt);
                break;
            case NeedStatus.InProgress:
                need.Start(staffId, text, answeredAt);
                break;
            case NeedStatus.Resolved:
                Require(history.ResolvedAt is not null, "已解决的诉求须填写解决日期");
                Require(text is not null, "已解决的诉求须填写办理结果");
                need.Respond(staffId, "（台账导入）", answeredAt);
                need.Resolve(staffId, text!, history.ResolvedAt!.Value);
                break;
            case NeedStatus.Rejected:
                Require(text is not null, "不予受理的诉求须填写办理结果（理由）");
                need.Reject(staffId, text!, answeredAt);
                break;
            default:
                throw new Platform.Web.DomainException("状态只能是待回应、已回应、处理中、已解决或不予受理");
        }

        return need;
    }

    /// <summary>The community's first answer (我应).</summary>
    public void Respond(Guid staffId, string text, DateTime now)
    {
        Require(Status == NeedStatus.Submitted, "只有待回应的诉求才能回应");
        MarkResponded(now);
        Move(NeedStatus.Responded, NeedEventKind.Responded, staffId, text, now);
    }

    public void Start(Guid staffId, string? text, DateTime now)
    {
        Require(Status is NeedStatus.Submitted or NeedStatus.Responded, "只有待回应或已回应的诉求才能开始处理");
        MarkResponded(now);
        Move(NeedStatus.InProgress, NeedEventKind.Started, staffId, text, now);
    }

    public void Resolve(Guid staffId, string whatWasDone, DateTime now)
    {
        Require(Status is NeedStatus.Responded or NeedStatus.InProgress, "只有已回应或处理中的诉求才能标记为已解决");
        ResolvedAt = now;
        FirstResolvedAt ??= now;
        ResolutionText = whatWasDone;
        Move(NeedStatus.Resolved, NeedEventKind.Resolved, staffId, whatWasDone, now);
    }

    public void Reject(Guid staffId, string reason, DateTime now)
    {
        Require(IsOpen, "这条诉求已经办结，不能再不予受理");
        MarkResponded(now);
        RejectionReason = reason;
        ClosedAt = now;
        Move(NeedStatus.Rejected, NeedEventKind.Rejected, staffId, reason, now);
    }

    /// <summary>Folds this need into <paramref name="target"/>; the handler carries the raiser and supporters over.</summary>
    public void MergeInto(Need target, Guid staffId, DateTime now)
    {
        Require(IsOpen, "这条诉求已经办结，不能合并");
        Require(target.Id != Id, "不能把诉求合并到它自己");
        Require(target.CommunityId == CommunityId, "只能合并到同一社区的诉求");
        Require(target.IsOpen, "只能合并到仍在办理中的诉求");
        MarkResponded(now);
        MergedIntoId = target.Id;
        ClosedAt = now;
        Move(NeedStatus.Merged, NeedEventKind.Merged, staffId, target.Title, now);
        target.AddEvent(NeedEventKind.MergedFrom, staffId, Title, now);
        target.Version++;
    }

    /// <summary>The raiser's verdict. 不满意 reopens the need for another round; its history stays.</summary>
    public void Rate(Guid raterId, Satisfaction satisfaction, string? comment, DateTime now)
    {
        Require(Status == NeedStatus.Resolved, "只有已解决的诉求才能评价");
        Require(RaiserId == raterId, "只有提出诉求的居民才能评价");
        _ratings.Add(new NeedRating(Id, ReopenCount, raterId, satisfaction, comment, now));
        if (satisfaction == Satisfaction.Dissatisfied)
        {
            AddEvent(NeedEventKind.Rated, raterId, comment, now);
            ReopenCount++;
            ResolvedAt = null;
            Move(NeedStatus.InProgress, NeedEventKind.Reopened, raterId, null, now);
            return;
        }

        ClosedAt = now;
        Move(NeedStatus.Rated, NeedEventKind.Rated, raterId, comment, now);
    }

    /// <summary>A published project takes the need on: it counts as answered and moves to in progress.</summary>
    public void LinkToProject(Guid projectId, string projectTitle, Guid staffId, DateTime now)
    {
        Require(IsOpen, "只有仍在办理中的诉求才能纳入项目");
        Require(ProjectId is null || ProjectId == projectId, "这条诉求已经纳入另一个项目");
        MarkResponded(now);
        ProjectId = projectId;
        Move(NeedStatus.InProgress, NeedEventKind.LinkedToProject, staffId, projectTitle, now);
    }

    /// <summary>The project was cancelled or let the need go: the need returns to the community's queue, answered.</summary>
    public void UnlinkFromProject(Guid projectId, string projectTitle, Guid staffId, DateTime now)
    {
        Require(ProjectId == projectId, "这条诉求不属于这个项目");
        ProjectId = null;
        if (Status == NeedStatus.InProgress)
        {
            Move(NeedStatus.Responded, NeedEventKind.UnlinkedFromProject, staffId, projectTitle, now);
        }
        else
        {
            Version++;
            AddEvent(NeedEventKind.UnlinkedFromProject, staffId, projectTitle, now);
        }
    }

    public bool IsResponseOverdue(DateTime now) => FirstRespondedAt is null && IsOpen && now > RespondBy;

    public bool IsResolutionOverdue(DateTime now) => IsOpen && now > ResolveBy;

    public object Snapshot() => new { Status, FirstRespondedAt, ResolvedAt, ClosedAt, RejectionReason, MergedIntoId, ReopenCount, ProjectId, Version };

    internal static string SearchTextOf(string title, string description, string address) =>
        $"{title}\n{description}\n{address}".ToLowerInvariant();

    private void MarkResponded(DateTime now) => FirstRespondedAt ??= now;

    private void Move(NeedStatus to, NeedEventKind kind, Guid? actorId, string? text, DateTime now)
    {
        Status = to;
        Version++;
        AddEvent(kind, actorId, text, now);
    }

    private void AddEvent(NeedEventKind kind, Guid? actorId, string? text, DateTime now) =>
        _events.Add(new NeedEvent(Id, kind, actorId, text, now));
}

/// <summary>What an imported row says happened: its status and when (UTC), and the answer or reason given.</summary>
public sealed record ImportedHistory(NeedStatus Status, DateTime SubmittedAt, DateTime? RespondedAt, DateTime? ResolvedAt, string? Text);

/// <summary>What a raise brings, already validated.</summary>
public sealed record NeedDraft(
    Guid CommunityId, string Title, string Description, string Address, double? Latitude, double? Longitude,
    NeedChannel Channel, Guid? RaiserId, Guid? RecordedById, bool ShowRaiserName);
