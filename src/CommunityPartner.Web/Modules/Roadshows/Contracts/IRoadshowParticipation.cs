namespace CommunityPartner.Web.Modules.Roadshows.Contracts;

/// <summary>
/// What one person did at roadshows in a span: roadshows they signed up for that took place (not cancelled, already
/// started), and the projects they scored with the average of their scores (need, feasibility and benefit, 1–5).
/// </summary>
public sealed record RoadshowParticipation(int Attended, int ProjectsScored, decimal? AverageScore);

/// <summary>Reads one person's roadshow participation for accounts of what they did (the personal bill). Read-only.</summary>
public interface IRoadshowParticipation
{
    Task<RoadshowParticipation> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct);
}
