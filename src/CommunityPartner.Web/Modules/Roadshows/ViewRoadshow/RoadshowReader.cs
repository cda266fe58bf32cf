using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;

/// <summary>Reads roadshows for pages and the API. Scores are aggregated in the database and shown only once closed.</summary>
public sealed class RoadshowReader(AppDbContext db, IProjectCatalog projects, ICommunityDirectory communities, TimeProvider clock)
{
    private const int ListLimit = 50;
    private const int CommentsPerProject = 50;

    public async Task<RoadshowDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var roadshow = await db.Set<Roadshow>().AsNoTracking().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var phase = roadshow.PhaseAt(now);
        var names = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var slots = roadshow.Lineup.OrderBy(s => s.Position).ToList();
        var briefs = (await projects.FindAsync([.. slots.Select(s => s.ProjectId)], ct)).ToDictionary(p => p.Id);
        var interests = await db.Set<RoadshowInterest>().Where(i => i.RoadshowId == id)
            .GroupBy(i => i.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var lineup = slots.Select(s => new LineupItem(
            s.Position, s.ProjectId, briefs.TryGetValue(s.ProjectId, out var p) ? p.Title : "（项目已不公开）", p?.Summary ?? "",
            s.CommunityId, names.GetValueOrDefault(s.CommunityId, ""), $"/projects/{s.ProjectId}", interests.GetValueOrDefault(s.ProjectId))).ToList();
        return new RoadshowDetails(
            roadshow.Id, roadshow.Title, roadshow.Description, roadshow.Venue, roadshow.StartsAt, roadshow.Capacity, roadshow.RsvpCount,
            Math.Max(0, roadshow.Capacity - roadshow.RsvpCount), RoadshowPeople.PhaseCode(phase), RoadshowPeople.PhaseKey(phase),
            roadshow.ScoringOpensAt, roadshow.ScoringClosesAt, roadshow.OrganiserCommunityId, OrganiserName(roadshow.OrganiserCommunityId, names),
            roadshow.CancelledAt, roadshow.CancelReason, lineup, phase == RoadshowPhase.Closed ? await ResultsAsync(id, lineup, ct) : null);
    }

    public async Task<RoadshowList> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var names = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var upcoming = await Rows(db.Set<Roadshow>().Where(r => r.CancelledAt == null && r.ScoringClosesAt > now).OrderBy(r => r.StartsAt).ThenBy(r => r.Id))
            .Take(ListLimit).ToListAsync(ct);
        var past = await Rows(db.Set<Roadshow>().Where(r => r.CancelledAt != null || r.ScoringClosesAt <= now).OrderByDescending(r => r.StartsAt).ThenBy(r => r.Id))
            .Take(ListLimit).ToListAsync(ct);
        return new RoadshowList([.. upcoming.Select(r => Summary(r, now, names))], [.. past.Select(r => Summary(r, now, names))]);
    }

    /// <summary>What the viewer may do and their own scores: never anyone else's.</summary>
    public async Task<RoadshowViewer> ViewerAsync(RoadshowDetails roadshow, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return new RoadshowViewer(false, null, false, false, [], []);
        }

        var rsvp = await db.Set<RoadshowRsvp>().AsNoTracking().FirstOrDefaultAsync(r => r.RoadshowId == roadshow.Id && r.UserId == userId, ct);
        var scores = await db.Set<RoadshowScore>().AsNoTracking().Where(s => s.RoadshowId == roadshow.Id && s.ScorerId == userId)
            .Select(s => new MyScore(s.ProjectId, s.NeedScore, s.Feasibility, s.Benefit, s.Comment, s.ChangedAt)).ToListAsync(ct);
        var interests = await db.Set<RoadshowInterest>().Where(i => i.RoadshowId == roadshow.Id && i.UserId == userId).Select(i => i.ProjectId).ToListAsync(ct);
        var mayScore = rsvp is not null || user.IsInRole(Roles.Representative);
        return new RoadshowViewer(
            rsvp is not null, rsvp is null ? null : RoadshowPeople.KindKey(rsvp.Kind), mayScore && roadshow.IsScoring,
            RoadshowPeople.CanManage(user, roadshow.OrganiserCommunityId), scores, interests);
    }

    private async Task<IReadOnlyList<ProjectResult>> ResultsAsync(Guid id, IReadOnlyList<LineupItem> lineup, CancellationToken ct)
    {
        var groups = await db.Set<RoadshowScore>().Where(s => s.RoadshowId == id)
            .GroupBy(s => new { s.ProjectId, s.ByRepresentative })
            .Select(g => new Group(g.Key.ProjectId, g.Key.ByRepresentative, g.Count(), g.Sum(s => s.NeedScore), g.Sum(s => s.Feasibility), g.Sum(s => s.Benefit)))
            .ToListAsync(ct);
        var comments = await db.Set<RoadshowScore>().Where(s => s.RoadshowId == id && s.Comment != null && s.Comment != "")
            .OrderBy(s => s.At).Select(s => new { s.ProjectId, s.Comment, s.ByRepresentative }).ToListAsync(ct);
        return [.. lineup.Select(item =>
        {
            var mine = groups.Where(g => g.ProjectId == item.ProjectId).ToList();
            return new ProjectResult(
                item.ProjectId, item.Position, item.Title, item.CommunityName,
                Summarise(mine), Summarise(mine.Where(g => !g.ByRepresentative)), Summarise(mine.Where(g => g.ByRepresentative)),
                [.. comments.Where(c => c.ProjectId == item.ProjectId).Take(CommentsPerProject).Select(c => new ResultComment(c.Comment!, c.ByRepresentative))]);
        })];
    }

    private static ScoreSummary Summarise(IEnumerable<Group> groups)
    {
        var list = groups.ToList();
        var count = list.Sum(g => g.Count);
        if (count == 0)
        {
            return new ScoreSummary(0, null, null, null, null);
        }

        double need = list.Sum(g => g.Need), feasibility = list.Sum(g => g.Feasibility), benefit = list.Sum(g => g.Benefit);
        return new ScoreSummary(count, Round(need / count), Round(feasibility / count), Round(benefit / count), Round((need + feasibility + benefit) / (3.0 * count)));
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string OrganiserName(Guid? communityId, Dictionary<Guid, string> names) =>
        communityId is { } c ? names.GetValueOrDefault(c, "") : "新区";

    private static IQueryable<Row> Rows(IQueryable<Roadshow> query) =>
        query.Select(r => new Row(r.Id, r.Title, r.Venue, r.StartsAt, r.Capacity, r.RsvpCount, r.ScoringOpensAt, r.ScoringClosesAt, r.CancelledAt, r.OrganiserCommunityId, r.Lineup.Count));

    private static RoadshowSummary Summary(Row r, DateTime now, Dictionary<Guid, string> names)
    {
        var phase = r.CancelledAt is not null ? RoadshowPhase.Cancelled
            : now < r.ScoringOpensAt ? RoadshowPhase.Upcoming
            : now < r.ScoringClosesAt ? RoadshowPhase.Scoring
            : RoadshowPhase.Closed;
        return new RoadshowSummary(r.Id, r.Title, r.Venue, r.StartsAt, r.Capacity, Math.Max(0, r.Capacity - r.RsvpCount),
            RoadshowPeople.PhaseCode(phase), RoadshowPeople.PhaseKey(phase), OrganiserName(r.OrganiserCommunityId, names), r.ProjectCount);
    }

    private sealed record Group(Guid ProjectId, bool ByRepresentative, int Count, int Need, int Feasibility, int Benefit);

    private sealed record Row(
        Guid Id, string Title, string Venue, DateTime StartsAt, int Capacity, int RsvpCount, DateTime ScoringOpensAt, DateTime ScoringClosesAt,
        DateTime? CancelledAt, Guid? OrganiserCommunityId, int ProjectCount);
}
