using System.Data;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.Tallies;

/// <summary>
/// Reads and keeps the needs' tallies per community and Beijing month (ADR 0014). A read always equals tallying the
/// needs now: in one snapshot it takes the kept cells, and recounts from the needs every cell named by a change row
/// (<see cref="NeedTallyChange"/>, written by triggers with every change of a need) or kept by other rules.
/// <see cref="RefreshAsync"/> (run by <see cref="NeedTallyRefresher"/>) keeps the changed cells again, so reads
/// recount only what changed in the last moments.
/// </summary>
public sealed class NeedTallies(AppDbContext db, INeedTallyRules rules, TimeProvider clock)
{
    /// <summary>What a kept cell must have been counted by: these rules, this storage format.</summary>
    private string Version => rules.Version + "/" + NeedTally.Format;

    /// <summary>How many minute rows (<see cref="NeedTallyMinutes"/>) this instance's reads fetched (for tests and the bench).</summary>
    public int MinuteRowsRead { get; private set; }

    /// <summary>
    /// The cells of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), of one community or all. With
    /// <paramref name="withMinutes"/>, each histogram holds the minutes of the hours the rules read of the sum of all
    /// the cells returned (<see cref="INeedTallyRules.HoursRead"/>), fetched in the same snapshot; without, hour counts only.
    /// </summary>
    public async Task<IReadOnlyList<NeedTallyCell>> ReadAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct, bool withMinutes = true)
    {
        var months = NeedMonth.Between(fromUtc, toUtc);
        if (months.Count == 0)
        {
            return [];
        }

        // One snapshot for the change rows and the kept cells (a deferred transaction on SQLite: a reader, not a writer).
        System.Data.Common.DbTransaction? sqlite = null;
        if (db.Database.CurrentTransaction is null && db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            sqlite = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        }

        var own = db.Database.CurrentTransaction is not null ? null
            : sqlite is not null ? await db.Database.UseTransactionAsync(sqlite, ct)
            : await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        try
        {
            var changed = await ChangedCellsAsync(communityId, fromUtc, toUtc, null, ct);
            int first = months[0], last = months[^1];
            var kept = db.Set<NeedTally>().AsNoTracking().Where(t => t.Month >= first && t.Month <= last);
            if (communityId is { } c)
            {
                kept = kept.Where(t => t.CommunityId == c);
            }

            var cells = new List<NeedTallyCell>();
            foreach (var tally in await kept.ToListAsync(ct))
            {
                if (tally.RulesVersion != Version)
                {
                    changed.Add((tally.CommunityId, tally.Month));
                }
                else if (!changed.Contains((tally.CommunityId, tally.Month)))
                {
                    cells.Add(tally.ToCell());
                }
            }

            foreach (var (community, month) in changed.Order())
            {
                cells.Add(await RecountAsync(community, month, ct));
            }

            if (withMinutes)
            {
                await LoadMinutesAsync(communityId, first, last, cells, ct);
            }

            return cells;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            if (sqlite is not null)
            {
                await db.Database.UseTransactionAsync(null, ct);
                await sqlite.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Loads into the kept cells' histograms the minutes of the hours the rules read of the sum of
    /// <paramref name="cells"/>, per histogram kind: one query, one index range per kind and hour (recounted cells hold
    /// all their minutes already).
    /// </summary>
    private async Task LoadMinutesAsync(Guid? communityId, int first, int last, List<NeedTallyCell> cells, CancellationToken ct)
    {
        IQueryable<NeedTallyMinutes>? wanted = null;
        foreach (var kind in cells.SelectMany(c => c.Minutes.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var histograms = cells.Select(c => c.Minutes.GetValueOrDefault(kind) ?? MinuteHistogram.Empty).ToList();
            var hours = rules.HoursRead(histograms).Where(h => histograms.Any(m => !m.HasMinutesOf(h))).ToList();
            if (hours.Count == 0)
            {
                continue;
            }

            var rows = db.Set<NeedTallyMinutes>().AsNoTracking()
                .Where(m => m.Kind == kind && hours.Contains(m.Hour) && m.Month >= first && m.Month <= last);
            if (communityId is { } c)
            {
                rows = rows.Where(m => m.CommunityId == c);
            }

            wanted = wanted is null ? rows : wanted.Concat(rows);
        }

        if (wanted is null)
        {
            return;
        }

        var byCell = cells.ToDictionary(c => (c.CommunityId, (c.Year * 100) + c.Month));
        foreach (var row in await wanted.ToListAsync(ct))
        {
            MinuteRowsRead++;
            if (byCell.TryGetValue((row.CommunityId, row.Month), out var cell)
                && cell.Minutes.GetValueOrDefault(row.Kind) is { } histogram && !histogram.HasMinutesOf(row.Hour))
            {
                histogram.LoadMinutesOf(row.Hour, row.Minutes);
            }
        }
    }

    /// <summary>
    /// Keeps again every cell changed since the last refresh (and every cell kept by other rules), and deletes the change
    /// rows it consumed; returns how many cells it kept. One refresh at a time (an advisory lock on PostgreSQL, SQLite's
    /// write lock), so an older recount never overwrites a newer one.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // SQLite's write transaction (BEGIN IMMEDIATE) is one snapshot and keeps every other writer out.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var kept = await KeepChangedAsync(ct);
            await tx.CommitAsync(ct);
            return kept;
        }

        // PostgreSQL: one refresher at a time (a session lock taken before the transaction, so the snapshot is taken
        // after the previous refresher committed), and one snapshot for the whole refresh (REPEATABLE READ): the change
        // rows it deletes are exactly those whose changes its recounts saw. A writer that commits meanwhile keeps its
        // change row, so its cell is recounted by the next read and refresh.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(140014)", ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                var kept = await KeepChangedAsync(ct);
                await tx.CommitAsync(ct);
                return kept;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(140014)", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> KeepChangedAsync(CancellationToken ct)
    {
        var top = await db.Set<NeedTallyChange>().MaxAsync(c => (long?)c.Id, ct);
        var cells = top is { } last ? await ChangedCellsAsync(null, DateTime.MinValue, DateTime.MaxValue, last, ct) : [];
        var version = Version;
        foreach (var stale in await db.Set<NeedTally>().Where(t => t.RulesVersion != version).Select(t => new { t.CommunityId, t.Month }).ToListAsync(ct))
        {
            cells.Add((stale.CommunityId, stale.Month));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (community, month) in cells.Order())
        {
            var cell = await RecountAsync(community, month, ct);
            var kept = await db.Set<NeedTally>().FirstOrDefaultAsync(t => t.CommunityId == community && t.Month == month, ct);
            if (kept is null)
            {
                db.Add(NeedTally.Of(cell, version, now));
            }
            else
            {
                kept.Replace(cell, version, now);
            }

            // The cell's minutes, replaced in the same transaction (saved per cell, then let go: a cell has ≈ 1 k rows).
            await db.Set<NeedTallyMinutes>().Where(m => m.Month == month && m.CommunityId == community).ExecuteDeleteAsync(ct);
            var minutes = NeedTally.MinutesOf(cell).ToList();
            db.AddRange(minutes);
            await db.SaveChangesAsync(ct);
            foreach (var row in minutes)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        await db.SaveChangesAsync(ct);
        if (top is { } consumed)
        {
            await db.Set<NeedTallyChange>().Where(c => c.Id <= consumed).ExecuteDeleteAsync(ct);
        }

        return cells.Count;
    }

    private async Task<HashSet<(Guid Community, int Month)>> ChangedCellsAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, long? upTo, CancellationToken ct)
    {
        var changes = db.Set<NeedTallyChange>().AsNoTracking().Where(c => c.SubmittedAt >= fromUtc && c.SubmittedAt < toUtc);
        if (communityId is { } community)
        {
            changes = changes.Where(c => c.CommunityId == community);
        }

        if (upTo is { } last)
        {
            changes = changes.Where(c => c.Id <= last);
        }

        var rows = await changes.Select(c => new { c.CommunityId, c.SubmittedAt }).Distinct().ToListAsync(ct);
        return [.. rows.Select(r => (r.CommunityId, NeedMonth.KeyOf(r.SubmittedAt)))];
    }

    private async Task<NeedTallyCell> RecountAsync(Guid community, int month, CancellationToken ct)
    {
        var facts = await NeedFacts.LoadAsync(db, community, NeedMonth.StartUtc(month), NeedMonth.EndUtc(month), ct);
        return rules.Tally(community, month / 100, month % 100, facts);
    }
}

/// <summary>Every 30 seconds keeps the tallies of the needs changed since (<see cref="NeedTallies.RefreshAsync"/>).</summary>
internal sealed partial class NeedTallyRefresher(IServiceScopeFactory scopes, ILogger<NeedTallyRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cells = await scope.ServiceProvider.GetRequiredService<NeedTallies>().RefreshAsync(stoppingToken);
                if (cells > 0)
                {
                    LogRefreshed(cells);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept the tallies of {Cells} community-months")]
    private partial void LogRefreshed(int cells);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the needs' tallies failed; reads recount the changed months until it succeeds")]
    private partial void LogFailed(Exception e);
}
