using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.RsvpRoadshow;

public sealed record RsvpResult(bool Created, string Kind, int RsvpCount, int SeatsLeft);

/// <summary>
/// Someone takes a seat at a roadshow, or gives it back. The seat is taken by a guarded update
/// (<c>RsvpCount &lt; Capacity</c>) in the same transaction as the RSVP row, so parallel requests never overfill a
/// roadshow; the primary key (roadshow, person) makes a repeat RSVP a no-op.
/// </summary>
public sealed class RsvpRoadshowHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<RsvpResult>> RsvpAsync(Guid roadshowId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var roadshow = await db.Set<Roadshow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roadshowId, ct);
        if (roadshow is null)
        {
            return Result<RsvpResult>.NotFound("未找到这场路演");
        }

        var existing = await db.Set<RoadshowRsvp>().AsNoTracking().FirstOrDefaultAsync(r => r.RoadshowId == roadshowId && r.UserId == userId, ct);
        if (existing is not null)
        {
            return await ResultAsync(roadshowId, false, existing.Kind, ct);
        }

        var phase = roadshow.PhaseAt(clock.GetUtcNow().UtcDateTime);
        if (phase is RoadshowPhase.Closed or RoadshowPhase.Cancelled)
        {
            return Result<RsvpResult>.Conflict(phase == RoadshowPhase.Cancelled ? "这场路演已取消" : "这场路演已经结束，不能再报名");
        }

        var kind = RoadshowPeople.KindOf(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(new RoadshowRsvp(roadshowId, userId, kind, clock.GetUtcNow().UtcDateTime));
            audit.Record("roadshows.rsvp", nameof(Roadshow), roadshowId, null, new { UserId = userId, Kind = kind }, roadshow.OrganiserCommunityId, userId);
            await db.SaveChangesAsync(ct);
            var taken = await db.Set<Roadshow>().Where(r => r.Id == roadshowId && r.RsvpCount < r.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RsvpCount, r => r.RsvpCount + 1), ct);
            if (taken == 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Result<RsvpResult>.Conflict("名额已满，没有空位了");
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same person's parallel request got the seat first: they hold it once, as intended.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ResultAsync(roadshowId, false, kind, ct);
        }

        return await ResultAsync(roadshowId, true, kind, ct);
    }

    /// <summary>Gives the seat back, while the roadshow is still upcoming. Cancelling without a seat is a no-op.</summary>
    public async Task<Result<RsvpResult>> CancelAsync(Guid roadshowId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var roadshow = await db.Set<Roadshow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roadshowId, ct);
        if (roadshow is null)
        {
            return Result<RsvpResult>.NotFound("未找到这场路演");
        }

        var kind = RoadshowPeople.KindOf(user);
        if (roadshow.PhaseAt(clock.GetUtcNow().UtcDateTime) != RoadshowPhase.Upcoming)
        {
            return Result<RsvpResult>.Conflict("路演已开始评分或已结束，不能再取消报名");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Set<RoadshowRsvp>().Where(r => r.RoadshowId == roadshowId && r.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            await tx.RollbackAsync(ct);
            return await ResultAsync(roadshowId, false, kind, ct);
        }

        await db.Set<Roadshow>().Where(r => r.Id == roadshowId && r.RsvpCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RsvpCount, r => r.RsvpCount - 1), ct);
        audit.Record("roadshows.rsvp-cancel", nameof(Roadshow), roadshowId, new { UserId = userId }, null, roadshow.OrganiserCommunityId, userId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ResultAsync(roadshowId, false, kind, ct);
    }

    public Task<bool> HasRsvpAsync(Guid roadshowId, Guid userId, CancellationToken ct) =>
        db.Set<RoadshowRsvp>().AnyAsync(r => r.RoadshowId == roadshowId && r.UserId == userId, ct);

    private async Task<RsvpResult> ResultAsync(Guid roadshowId, bool created, AttendeeKind kind, CancellationToken ct)
    {
        var counts = await db.Set<Roadshow>().AsNoTracking().Where(r => r.Id == roadshowId).Select(r => new { r.RsvpCount, r.Capacity }).FirstAsync(ct);
        return new RsvpResult(created, kind.ToString().ToLowerInvariant(), counts.RsvpCount, counts.Capacity - counts.RsvpCount);
    }
}
