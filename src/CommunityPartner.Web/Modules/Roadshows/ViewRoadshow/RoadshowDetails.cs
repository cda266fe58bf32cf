namespace CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;

/// <summary>A roadshow as the public sees it: results only once the scoring window has closed.</summary>
public sealed record RoadshowDetails(
    Guid Id, string Title, string Description, string Venue, DateTime StartsAt, int Capacity, int RsvpCount, int SeatsLeft,
    string Phase, string PhaseKey, DateTime ScoringOpensAt, DateTime ScoringClosesAt, Guid? OrganiserCommunityId, string OrganiserName,
    DateTime? CancelledAt, string? CancelReason, IReadOnlyList<LineupItem> Lineup, IReadOnlyList<ProjectResult>? Results)
{
    public bool IsUpcoming => Phase == "upcoming";

    public bool IsScoring => Phase == "scoring";

    public bool IsClosed => Phase == "closed";

    public bool IsCancelled => Phase == "cancelled";
}

/// <summary>One project in the line-up, in pitching order.</summary>
public sealed record LineupItem(int Position, Guid ProjectId, string Title, string Summary, Guid CommunityId, string CommunityName, string Link, int InterestCount);

/// <summary>Averages (1–5, two decimals) and the number of scores behind them; the averages are null when nobody scored.</summary>
public sealed record ScoreSummary(int Count, double? Need, double? Feasibility, double? Benefit, double? Overall);

/// <summary>A project's results: attendees' and representatives' scores apart, and both together.</summary>
public sealed record ProjectResult(
    Guid ProjectId, int Position, string Title, string CommunityName, ScoreSummary All, ScoreSummary Attendees, ScoreSummary Representatives,
    IReadOnlyList<ResultComment> Comments);

/// <summary>A comment without its author's name: only whether a representative wrote it.</summary>
public sealed record ResultComment(string Text, bool ByRepresentative);

/// <summary>A list row.</summary>
public sealed record RoadshowSummary(
    Guid Id, string Title, string Venue, DateTime StartsAt, int Capacity, int SeatsLeft, string Phase, string PhaseKey, string OrganiserName, int ProjectCount);

/// <summary>The list: what is coming (soonest first), then what is past (latest first).</summary>
public sealed record RoadshowList(IReadOnlyList<RoadshowSummary> Upcoming, IReadOnlyList<RoadshowSummary> Past);

/// <summary>The signed-in person's own standing at a roadshow: their seat, their own scores and interests.</summary>
public sealed record RoadshowViewer(bool HasRsvp, string? Kind, bool CanScore, bool CanManage, IReadOnlyList<MyScore> Scores, IReadOnlyList<Guid> Interests);

public sealed record MyScore(Guid ProjectId, int Need, int Feasibility, int Benefit, string? Comment, DateTime ChangedAt);
