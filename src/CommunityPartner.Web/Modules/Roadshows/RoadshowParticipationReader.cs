using CommunityPartner.Web.Modules.Roadshows.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows;

/// <inheritdoc cref="IRoadshowParticipation"/>
internal sealed class RoadshowParticipationReader(AppDbContext db) : IRoadshowParticipation
{
    public async Task<RoadshowParticipation> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct)
    {
        var attended = await db.Set<RoadshowRsvp>().AsNoTracking()
            .Join(db.Set<Roadshow>(), r => r.RoadshowId, s => s.Id, (r, s) => new { r.UserId, s.StartsAt, s.CancelledAt })
            .CountAsync(x => x.UserId == userId && x.CancelledAt == null && x.StartsAt >= fromUtc && x.StartsAt < toUtc && x.StartsAt <= nowUtc, ct);
        var scores = await db.Set<RoadshowScore>().AsNoTracking()
            .Where(s => s.ScorerId == userId && s.At >= fromUtc && s.At < toUtc)
            .Select(s => new { s.NeedScore, s.Feasibility, s.Benefit }).ToListAsync(ct);
        decimal? average = scores.Count == 0 ? null : Math.Round(scores.Average(s => (s.NeedScore + s.Feasibility + s.Benefit) / 3m), 1, MidpointRounding.AwayFromZero);
        return new RoadshowParticipation(attended, scores.Count, average);
    }
}
