using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.SupportNeed;

public sealed record SupportResult(bool Created, int SupportCount);

/// <summary>
/// A resident supports (附议) a need once. The primary key (need, resident) makes a second support impossible even
/// under parallel requests; a repeat is answered as success with nothing added. Those who answer the need (its
/// community's staff, the district admin) are refused: a support is a resident's voice, not the answerer's.
/// </summary>
public sealed class SupportNeedHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<SupportResult>> HandleAsync(Guid needId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return Result<SupportResult>.Forbidden();
        }

        var need = await db.Set<Need>().AsNoTracking().Where(n => n.Id == needId)
            .Select(n => new { n.Status, n.RaiserId, n.CommunityId }).FirstOrDefaultAsync(ct);
        if (need is null)
        {
            return Result<SupportResult>.NotFound("未找到这条诉求");
        }

        if (NeedPeople.CanAnswer(user, need.CommunityId))
        {
            return Result<SupportResult>.Conflict("负责办理这条诉求的工作人员不能附议它");
        }

        if (need.RaiserId == userId)
        {
            return Result<SupportResult>.Conflict("不能附议自己提出的诉求");
        }

        if (await HasSupportedAsync(needId, userId, ct))
        {
            // Re-read: the count read above may predate a parallel request's support that has committed since.
            return new SupportResult(false, await CountAsync(needId, ct));
        }

        if (need.Status is not (NeedStatus.Submitted or NeedStatus.Responded or NeedStatus.InProgress))
        {
            return Result<SupportResult>.Conflict("这条诉求已经办结，不能再附议");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(new NeedSupport(needId, userId, clock.GetUtcNow().UtcDateTime));
            audit.Record("needs.support", nameof(Need), needId, null, new { UserId = userId }, need.CommunityId, userId);
            await db.SaveChangesAsync(ct);
            await db.Set<Need>().Where(n => n.Id == needId).ExecuteUpdateAsync(s => s.SetProperty(n => n.SupportCount, n => n.SupportCount + 1), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel request of the same resident got there first: the support exists once, as intended.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new SupportResult(false, await CountAsync(needId, ct));
        }

        return new SupportResult(true, await CountAsync(needId, ct));
    }

    public Task<bool> HasSupportedAsync(Guid needId, Guid userId, CancellationToken ct) =>
        db.Set<NeedSupport>().AnyAsync(s => s.NeedId == needId && s.UserId == userId, ct);

    private Task<int> CountAsync(Guid needId, CancellationToken ct) =>
        db.Set<Need>().Where(n => n.Id == needId).Select(n => n.SupportCount).FirstAsync(ct);
}
