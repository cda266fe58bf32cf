using System.Security.Claims;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Earning.AwardPoints;

public sealed record AwardPointsCommand(string? Phone, string? ActivityType);

public sealed record AwardResult(long TransferId, Guid ResidentId, string ActivityType, long Points);

/// <summary>
/// Community staff award a resident of their own community the points of an activity, from the community's pool.
/// The daily cap and the transfer are one transaction; a retried request (same Idempotency-Key) gets the first result.
/// </summary>
public sealed class AwardPointsHandler(AppDbContext db, PointsLedger ledger, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AwardResult>> HandleAsync(AwardPointsCommand command, string? idempotencyKey, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } staffId || !actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() is not { } communityId)
        {
            return Result<AwardResult>.Forbidden("只有社区工作者可以发放积分");
        }

        var errors = new ValidationErrors();
        var key = Idempotency.Scope(idempotencyKey, "award", staffId, errors);
        var phone = PersonalData.NormalizePhone(command.Phone);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            errors.Add("phone", "请填写居民的 11 位手机号");
        }

        var activityType = command.ActivityType?.Trim() ?? "";
        if (activityType.Length == 0)
        {
            errors.Add("activityType", "请选择活动类型");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var resident = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone).Select(u => new { u.Id, u.CommunityId }).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return ValidationErrors.Of("phone", "没有找到这个手机号注册的居民");
        }

        if (resident.CommunityId != communityId)
        {
            return Result<AwardResult>.Forbidden("只能给本社区的居民发放积分");
        }

        var rule = await db.Set<EarnRule>().AsNoTracking().FirstOrDefaultAsync(r => r.CommunityId == communityId && r.ActivityType == activityType, ct);
        if (rule is null)
        {
            return ValidationErrors.Of("activityType", "本社区没有这类活动的积分规则");
        }

        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, communityId, ct);
        var account = await ledger.AccountAsync(AccountKind.Resident, resident.Id, ct);
        var day = DailyEarning.DayOf(clock.GetUtcNow().UtcDateTime);
        await DailyCap.EnsureDayAsync(db, resident.Id, communityId, activityType, day, ct);

        return await ledger.ExecuteAsync<AwardResult>(key!, Idempotency.Hash("award", phone, activityType), async c =>
        {
            var points = rule.Points;
            var cap = rule.DailyCap;
            if (!await DailyCap.TryCountAsync(db, resident.Id, communityId, activityType, day, points, cap, c))
            {
                return Result<AwardResult>.Conflict("这位居民今天参加这类活动的积分已达上限（{0} 分）", cap);
            }

            await ledger.PostAsync(new TransferOrder(pool, account, points, TransferKind.Award, "earn-rule", rule.Id.ToString(), staffId, null, key!, Idempotency.Hash("award", phone, activityType)), c);
            audit.Record("points.award", "PointsAccount", account, null, new { ResidentId = resident.Id, activityType, points }, communityId, staffId);
            await db.SaveChangesAsync(c);
            var transfer = await db.Set<PointsTransfer>().Where(t => t.IdempotencyKey == key).Select(t => t.Id).FirstAsync(c);
            return new AwardResult(transfer, resident.Id, activityType, points);
        }, (first, _) => Task.FromResult(Result<AwardResult>.Ok(new AwardResult(first.Id, resident.Id, activityType, first.Amount))), ct);
    }
}
