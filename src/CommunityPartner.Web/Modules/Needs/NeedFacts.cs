using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs;

/// <inheritdoc cref="INeedFacts"/>
internal sealed class NeedFacts(AppDbContext db, Tallies.NeedTallies tallies) : INeedFacts
{
    public Task<IReadOnlyList<NeedFact>> SubmittedBetweenAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        LoadAsync(db, communityId, fromUtc, toUtc, ct);

    public Task<IReadOnlyList<NeedTallyCell>> TallyAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        tallies.ReadAsync(communityId, fromUtc, toUtc, ct);

    public Task<IReadOnlyList<NeedTallyCell>> TallyCountsAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        tallies.ReadAsync(communityId, fromUtc, toUtc, ct, withMinutes: false);

    /// <remarks>
    /// The days before today from <see cref="Tallies.NeedOverdueDay"/> (a few rows per community and day, kept by
    /// triggers), plus the needs that became overdue since today's start (UTC), counted exactly by
    /// <see cref="OverdueCountQueries"/>. So the cost does not grow with the number of overdue needs.
    /// <c>NeedTalliesTests</c> proves the sum equals the plain count of <see cref="Overdue"/>.
    /// </remarks>
    public async Task<IReadOnlyDictionary<Guid, int>> OverdueCountsAsync(DateTime nowUtc, CancellationToken ct)
    {
        var today = DateTime.SpecifyKind(nowUtc.Date, DateTimeKind.Utc);
        var before = Tallies.NeedOverdueDay.DayOf(today);
        var counts = await db.Set<Tallies.NeedOverdueDay>().AsNoTracking()
            .Where(d => d.Day < before)
            .GroupBy(d => d.CommunityId)
            .Select(g => new OverdueCount { CommunityId = g.Key, Count = g.Sum(d => d.Count) })
            .ToListAsync(ct);
        foreach (var query in OverdueCountQueries(db, today, nowUtc))
        {
            counts.AddRange(await query.ToListAsync(ct));
        }

        return counts.GroupBy(g => g.CommunityId).Select(g => (g.Key, Count: g.Sum(x => x.Count))).Where(g => g.Count != 0)
            .ToDictionary(g => g.Key, g => g.Count);
    }

    /// <summary>
    /// The needs open at <paramref name="nowUtc"/> that became overdue at or after <paramref name="sinceUtc"/> (their
    /// <see cref="Tallies.NeedOverdueDay.OverdueSince"/> in [since, now)), per community, in two disjoint counts, each a
    /// range of its partial index of open needs (migration <c>Perf2</c>): past the resolution deadline (and past no
    /// earlier deadline before <paramref name="sinceUtc"/>); or not yet, but never answered and past the response
    /// deadline. On SQLite the index is named (<c>INDEXED BY</c>): the query's WHERE implies the index's, but
    /// without <c>ANALYZE</c> statistics SQLite's planner takes the <c>Status IN (0, 1, 2)</c> term as an equality
    /// look-up of about ten rows per value on <c>IX_needs_needs_Status_SubmittedAt_Id</c> and prefers it (then sorts
    /// every open need for the GROUP BY); PostgreSQL's planner proves the predicate and costs it itself.
    /// <c>OverduePlanTests</c> reads both plans.
    /// </summary>
    internal static IReadOnlyList<IQueryable<OverdueCount>> OverdueCountQueries(AppDbContext db, DateTime sinceUtc, DateTime nowUtc)
    {
        if (db.Database.IsSqlite())
        {
            // The status values are NeedStatus.Submitted, Responded and InProgress; the predicates are the indexes' own.
            return
            [
                db.Database.SqlQuery<OverdueCount>($"""
                    SELECT "CommunityId", COUNT(*) AS "Count" FROM "needs_needs" INDEXED BY "IX_needs_needs_open_resolve_by"
                    WHERE "Status" IN (0, 1, 2) AND "ResolveBy" >= {sinceUtc} AND "ResolveBy" < {nowUtc}
                    AND ("FirstRespondedAt" IS NOT NULL OR "RespondBy" >= {sinceUtc})
                    GROUP BY "CommunityId"
                    """),
                db.Database.SqlQuery<OverdueCount>($"""
                    SELECT "CommunityId", COUNT(*) AS "Count" FROM "needs_needs" INDEXED BY "IX_needs_needs_unanswered_respond_by"
                    WHERE "Status" IN (0, 1, 2) AND "FirstRespondedAt" IS NULL AND "RespondBy" >= {sinceUtc} AND "RespondBy" < {nowUtc}
                    AND "ResolveBy" >= {nowUtc}
                    GROUP BY "CommunityId"
                    """),
            ];
        }

        var open = db.Set<Need>().AsNoTracking()
            .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress);
        return
        [
            open.Where(n => n.ResolveBy >= sinceUtc && n.ResolveBy < nowUtc && (n.FirstRespondedAt != null || n.RespondBy >= sinceUtc))
                .GroupBy(n => n.CommunityId).Select(g => new OverdueCount { CommunityId = g.Key, Count = g.Count() }),
            open.Where(n => n.FirstRespondedAt == null && n.RespondBy >= sinceUtc && n.RespondBy < nowUtc && n.ResolveBy >= nowUtc)
                .GroupBy(n => n.CommunityId).Select(g => new OverdueCount { CommunityId = g.Key, Count = g.Count() }),
        ];
    }

    /// <summary>How many overdue needs of one community one part of <see cref="OverdueCountQueries"/> counts.</summary>
    internal sealed class OverdueCount
    {
        public Guid CommunityId { get; set; }

        public int Count { get; set; }
    }

    internal static async Task<IReadOnlyList<NeedFact>> LoadAsync(AppDbContext db, Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var needs = db.Set<Need>().AsNoTracking().Where(n => n.SubmittedAt >= fromUtc && n.SubmittedAt < toUtc);
        if (communityId is { } c)
        {
            needs = needs.Where(n => n.CommunityId == c);
        }

        var rows = await needs
            .Select(n => new { n.Id, n.CommunityId, n.SubmittedAt, n.RespondBy, n.FirstRespondedAt, n.ResolvedAt, n.Status })
            .ToListAsync(ct);
        var ratings = await db.Set<NeedRating>().AsNoTracking()
            .Join(needs, r => r.NeedId, n => n.Id, (r, n) => new { r.NeedId, r.Round, r.Id, r.Satisfaction })
            .ToListAsync(ct);
        var latest = ratings.GroupBy(r => r.NeedId)
            .ToDictionary(g => g.Key, g => (RatingOutcome)(int)g.OrderByDescending(r => r.Round).ThenByDescending(r => r.Id).First().Satisfaction);

        return [.. rows.Select(n => new NeedFact(
            n.Id,
            n.CommunityId,
            n.SubmittedAt,
            n.RespondBy,
            n.FirstRespondedAt,
            n.ResolvedAt,
            Rejected: n.Status == NeedStatus.Rejected,
            Merged: n.Status == NeedStatus.Merged,
            Resolved: n.Status is NeedStatus.Resolved or NeedStatus.Rated,
            latest.TryGetValue(n.Id, out var rating) ? rating : null))];
    }

    public async Task<IReadOnlyList<NeedBrief>> OverdueAsync(Guid? communityId, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await Overdue(db, communityId, nowUtc).OrderBy(n => n.SubmittedAt).ThenBy(n => n.Id).ToListAsync(ct);
        return [.. rows.Select(NeedLinks.Brief)];
    }

    private static IQueryable<Need> Overdue(AppDbContext db, Guid? communityId, DateTime nowUtc)
    {
        var needs = db.Set<Need>().AsNoTracking()
            .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress)
            .Where(n => (n.FirstRespondedAt == null && n.RespondBy < nowUtc) || n.ResolveBy < nowUtc);
        return communityId is { } c ? needs.Where(n => n.CommunityId == c) : needs;
    }

    public async Task<(IReadOnlyList<NeedBrief> Raised, int Supported)> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var raised = await db.Set<Need>().AsNoTracking()
            .Where(n => n.RaiserId == userId && n.SubmittedAt >= fromUtc && n.SubmittedAt < toUtc)
            .OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).ToListAsync(ct);
        var supported = await db.Set<NeedSupport>().CountAsync(s => s.UserId == userId && s.At >= fromUtc && s.At < toUtc, ct);
        return ([.. raised.Select(NeedLinks.Brief)], supported);
    }
}
