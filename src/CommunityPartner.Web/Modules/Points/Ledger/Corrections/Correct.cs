using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Ledger.Corrections;

/// <summary><paramref name="Points"/> &gt; 0 gives the resident points from their community's pool; &lt; 0 takes points back to the pool.</summary>
public sealed record CorrectionCommand(string? Phone, long Points, string? Reason);

public sealed record CorrectionResult(long TransferId, Guid ResidentId, long Points, string Reason);

/// <summary>
/// The district admin undoes a mistake with a new correction transfer between a resident's account and their community's
/// pool, never by editing an entry. The resident's balance is guarded: a correction that would take it below zero is refused.
/// </summary>
public sealed class CorrectionHandler(AppDbContext db, PointsLedger ledger, AuditLog audit)
{
    public const long PointsMax = 100_000;

    public async Task<Result<CorrectionResult>> HandleAsync(CorrectionCommand command, string? idempotencyKey, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } adminId || !actor.IsInRole(Roles.DistrictAdmin))
        {
            return Result<CorrectionResult>.Forbidden("只有新区管理员可以更正积分");
        }

        var errors = new ValidationErrors();
        var key = Idempotency.Scope(idempotencyKey, "correction", adminId, errors);
        var phone = PersonalData.NormalizePhone(command.Phone);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            errors.Add("phone", "请填写居民的 11 位手机号");
        }

        if (command.Points == 0 || Math.Abs(command.Points) > PointsMax)
        {
            errors.Add("points", "更正积分应在 -{0} 到 {0} 之间且不能为 0", PointsMax);
        }

        var reason = command.Reason?.Trim() ?? "";
        errors.Text("reason", reason, PointsTransfer.ReasonMax, "请填写更正原因", "更正原因不能超过 {0} 个字");
        if (!errors.IsValid)
        {
            return errors;
        }

        var resident = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone).Select(u => new { u.Id, u.CommunityId }).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return ValidationErrors.Of("phone", "没有找到这个手机号注册的居民");
        }

        if (resident.CommunityId is not { } communityId)
        {
            return ValidationErrors.Of("phone", "这位居民还没有加入社区，无法更正积分");
        }

        var hash = Idempotency.Hash("correction", phone, command.Points, reason);
        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, communityId, ct);
        var account = await ledger.AccountAsync(AccountKind.Resident, resident.Id, ct);
        var amount = Math.Abs(command.Points);
        var (from, to) = command.Points > 0 ? (pool, account) : (account, pool);
        return await ledger.ExecuteAsync<CorrectionResult>(key!, hash, async c =>
        {
            if (!await ledger.PostAsync(new TransferOrder(from, to, amount, TransferKind.Correction, "correction", resident.Id.ToString(), adminId, reason, key!, hash), c))
            {
                var balance = await db.Set<PointsAccount>().Where(a => a.Id == account).Select(a => a.Balance).FirstAsync(c);
                return Result<CorrectionResult>.Conflict("这位居民只有 {0} 积分，更正后不能为负数", balance);
            }

            audit.Record("points.correct", nameof(PointsAccount), account, null, new { ResidentId = resident.Id, Points = command.Points, Reason = reason }, communityId, adminId);
            await db.SaveChangesAsync(c);
            var transfer = await db.Set<PointsTransfer>().Where(t => t.IdempotencyKey == key).Select(t => t.Id).FirstAsync(c);
            return new CorrectionResult(transfer, resident.Id, command.Points, reason);
        }, (first, _) => Task.FromResult(Result<CorrectionResult>.Ok(new CorrectionResult(first.Id, resident.Id, command.Points, first.Reason ?? reason))), ct);
    }
}
