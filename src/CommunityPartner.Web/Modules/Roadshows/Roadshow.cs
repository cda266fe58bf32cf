using CommunityPartner.Web.Platform.Web;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Roadshows;

/// <summary>Where a roadshow stands, from its times: before scoring, scoring open, results out; or cancelled.</summary>
public enum RoadshowPhase
{
    Upcoming = 0,
    Scoring = 1,
    Closed = 2,
    Cancelled = 3,
}

/// <summary>In what capacity someone RSVPs: their scores are shown by group.</summary>
public enum AttendeeKind
{
    Resident = 0,
    Partner = 1,
    Representative = 2,
}

/// <summary>What a roadshow brings, already validated.</summary>
public sealed record RoadshowDraft(
    string Title, string Description, string Venue, DateTime StartsAt, int Capacity, DateTime ScoringOpensAt, DateTime ScoringClosesAt);

/// <summary>
/// A roadshow (路演): communities pitch published projects before residents and representatives, who score them
/// during a window. The entity guards the line-up, the window and cancellation; RSVPs are counted against capacity by
/// a guarded update, so a full roadshow stays full under parallel requests.
/// </summary>
public sealed class Roadshow
{
    public const int TitleMax = 60;
    public const int DescriptionMax = 2000;
    public const int VenueMax = 200;
    public const int ReasonMax = 500;
    public const int MaxCapacity = 5000;
    public const int MaxLineup = 30;

    private readonly List<RoadshowSlot> _lineup = [];

    private Roadshow()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Venue { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>The community that runs it, or null when the district does.</summary>
    public Guid? OrganiserCommunityId { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ScoringOpensAt { get; private set; }

    public DateTime ScoringClosesAt { get; private set; }

    /// <summary>Seats taken; kept by guarded updates, never above <see cref="Capacity"/>.</summary>
    public int RsvpCount { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RoadshowSlot> Lineup => _lineup;

    public static Roadshow Create(RoadshowDraft draft, Guid? organiserCommunityId, Guid staffId, DateTime now)
    {
        var roadshow = new Roadshow
        {
            Id = Guid.NewGuid(),
            OrganiserCommunityId = organiserCommunityId,
            CreatedById = staffId,
            CreatedAt = now,
        };
        roadshow.Apply(draft, now);
        return roadshow;
    }

    public RoadshowPhase PhaseAt(DateTime now) =>
        CancelledAt is not null ? RoadshowPhase.Cancelled
        : now < ScoringOpensAt ? RoadshowPhase.Upcoming
        : now < ScoringClosesAt ? RoadshowPhase.Scoring
        : RoadshowPhase.Closed;

    public void Edit(RoadshowDraft draft, DateTime now)
    {
        Require(PhaseAt(now) == RoadshowPhase.Upcoming, "评分开始后不能再修改路演");
        Require(draft.Capacity >= RsvpCount, "容量不能少于已报名的 {0} 人", RsvpCount);
        Apply(draft, now);
        Version++;
    }

    /// <summary>Sets the line-up in order. Only before scoring opens: nobody's scores may lose their project.</summary>
    public void SetLineup(IReadOnlyList<(Guid ProjectId, Guid CommunityId)> projects, DateTime now)
    {
        Require(PhaseAt(now) == RoadshowPhase.Upcoming, "评分开始后不能再调整路演项目");
        Require(projects.Count <= MaxLineup, "一场路演最多 {0} 个项目", MaxLineup);
        Require(projects.Select(p => p.ProjectId).Distinct().Count() == projects.Count, "同一个项目不能重复列入");
        Require(OrganiserCommunityId is null || projects.All(p => p.CommunityId == OrganiserCommunityId), "社区组织的路演只能列入本社区的项目");
        _lineup.Clear();
        var position = 1;
        foreach (var (projectId, communityId) in projects)
        {
            _lineup.Add(new RoadshowSlot(Id, projectId, communityId, position++));
        }

        Version++;
    }

    /// <summary>Ends the scoring window now (the organiser closes it at the end of the event); results become public.</summary>
    public void CloseScoring(DateTime now)
    {
        Require(PhaseAt(now) == RoadshowPhase.Scoring, "只有正在评分的路演才能结束评分");
        ScoringClosesAt = now;
        Version++;
    }

    /// <summary>Opens the scoring window now, when the pitches begin earlier than planned.</summary>
    public void OpenScoring(DateTime now)
    {
        Require(PhaseAt(now) == RoadshowPhase.Upcoming, "只有尚未开始评分的路演才能开始评分");
        Require(_lineup.Count > 0, "路演还没有项目，不能开始评分");
        ScoringOpensAt = now;
        Version++;
    }

    public void Cancel(string reason, DateTime now)
    {
        Require(PhaseAt(now) == RoadshowPhase.Upcoming, "评分开始后不能取消路演");
        CancelledAt = now;
        CancelReason = reason;
        Version++;
    }

    public bool IsInLineup(Guid projectId) => _lineup.Any(s => s.ProjectId == projectId);

    public object Snapshot() => new
    {
        Title,
        Venue,
        StartsAt,
        Capacity,
        ScoringOpensAt,
        ScoringClosesAt,
        CancelledAt,
        CancelReason,
        Lineup = _lineup.OrderBy(s => s.Position).Select(s => s.ProjectId),
        Version,
    };

    private void Apply(RoadshowDraft draft, DateTime now)
    {
        Require(draft.ScoringClosesAt > draft.ScoringOpensAt, "评分结束时间必须晚于开始时间");
        Require(draft.ScoringOpensAt > now.AddMinutes(-1) || draft.ScoringOpensAt == ScoringOpensAt, "评分开始时间不能早于现在");
        Title = draft.Title;
        Description = draft.Description;
        Venue = draft.Venue;
        StartsAt = draft.StartsAt;
        Capacity = draft.Capacity;
        ScoringOpensAt = draft.ScoringOpensAt;
        ScoringClosesAt = draft.ScoringClosesAt;
    }
}

/// <summary>A project's place in a roadshow's line-up.</summary>
public sealed class RoadshowSlot
{
    private RoadshowSlot()
    {
    }

    internal RoadshowSlot(Guid roadshowId, Guid projectId, Guid communityId, int position)
    {
        RoadshowId = roadshowId;
        ProjectId = projectId;
        CommunityId = communityId;
        Position = position;
    }

    public Guid RoadshowId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid CommunityId { get; private set; }

    public int Position { get; private set; }
}

/// <summary>Someone's seat at a roadshow. One per person (primary key); cancelling deletes it and frees the seat.</summary>
public sealed class RoadshowRsvp
{
    private RoadshowRsvp()
    {
    }

    public RoadshowRsvp(Guid roadshowId, Guid userId, AttendeeKind kind, DateTime at)
    {
        RoadshowId = roadshowId;
        UserId = userId;
        Kind = kind;
        At = at;
    }

    public Guid RoadshowId { get; private set; }

    public Guid UserId { get; private set; }

    public AttendeeKind Kind { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>
/// One person's score of one project at one roadshow: need, feasibility and benefit, 1–5 each. The primary key makes
/// a second score from the same person replace the first, never add to it.
/// </summary>
public sealed class RoadshowScore
{
    public const int CommentMax = 500;

    private RoadshowScore()
    {
    }

    public RoadshowScore(Guid roadshowId, Guid projectId, Guid scorerId, bool byRepresentative, int need, int feasibility, int benefit, string? comment, DateTime at)
    {
        RoadshowId = roadshowId;
        ProjectId = projectId;
        ScorerId = scorerId;
        ByRepresentative = byRepresentative;
        At = at;
        Change(need, feasibility, benefit, comment, at);
    }

    public Guid RoadshowId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid ScorerId { get; private set; }

    /// <summary>Scored as a representative (两代表一委员): shown separately in the results.</summary>
    public bool ByRepresentative { get; private set; }

    public int NeedScore { get; private set; }

    public int Feasibility { get; private set; }

    public int Benefit { get; private set; }

    public string? Comment { get; private set; }

    public DateTime At { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public static bool IsValidScore(int value) => value is >= 1 and <= 5;

    public void Change(int need, int feasibility, int benefit, string? comment, DateTime at)
    {
        if (!IsValidScore(need) || !IsValidScore(feasibility) || !IsValidScore(benefit))
        {
            throw new DomainException("每项评分须在 1 到 5 之间");
        }

        NeedScore = need;
        Feasibility = feasibility;
        Benefit = benefit;
        Comment = comment;
        ChangedAt = at;
    }
}

/// <summary>A partner's one-tap interest in a project at a roadshow; the cooperation module turns it into an offer draft.</summary>
public sealed class RoadshowInterest
{
    private RoadshowInterest()
    {
    }

    public RoadshowInterest(Guid roadshowId, Guid projectId, Guid userId, DateTime at)
    {
        RoadshowId = roadshowId;
        ProjectId = projectId;
        UserId = userId;
        At = at;
    }

    public Guid RoadshowId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }
}
