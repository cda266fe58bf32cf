using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Spending.Redeem;

/// <summary>
/// Ends a pending redemption exactly once: the merchant confirms it (held → merchant), the resident cancels it or it
/// expires (held → resident, stock released). The status leaves Pending by a guarded update in the same transaction as
/// the transfer, and every closing transfer of a redemption shares one idempotency key, so two endings can never both land.
/// </summary>
public sealed class CloseRedemptionHandler(AppDbContext db, PointsLedger ledger, IMerchantDirectory merchants, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<RedemptionDto>> ConfirmAsync(string code, ClaimsPrincipal actor, CancellationToken ct)
    {
        var userId = actor.UserId();
        var found = await LookUpForConfirmAsync(code, userId ?? Guid.Empty, ct);
        if (found is null)
        {
            return Result<RedemptionDto>.NotFound("没有找到这个兑换码");
        }

        var redemption = found.Redemption;
        if (userId is null || !found.IsMember)
        {
            return Result<RedemptionDto>.Forbidden("只能核销本店的兑换码");
        }

        if (redemption.Status == RedemptionStatus.Confirmed)
        {
            return RedeemHandler.ToDto(redemption); // a retry of a confirmation that landed
        }

        if (redemption.Status == RedemptionStatus.Pending && redemption.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return Result<RedemptionDto>.Conflict("这个兑换码已过期");
        }

        var merchant = found.MerchantAccount ?? await ledger.AccountAsync(AccountKind.Merchant, redemption.PartnerId, ct);
        var held = found.HeldAccount ?? await ledger.AccountAsync(AccountKind.Held, redemption.ResidentId, ct);
        return await CloseAsync(redemption, RedemptionStatus.Confirmed, held, merchant, TransferKind.Redemption, userId, ct);
    }

    private sealed record ConfirmLookUp(Redemption Redemption, bool IsMember, Guid? MerchantAccount, Guid? HeldAccount);

    /// <summary>The code, whether the user acts for its merchant, and the two accounts the points move between: one query.</summary>
    private Task<ConfirmLookUp?> LookUpForConfirmAsync(string code, Guid userId, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var accounts = db.Set<PointsAccount>();
        var mine = merchants.PartnerIdsOfMember(userId);
        return db.Set<Redemption>().AsNoTracking().Where(r => r.Code == normalized)
            .Select(r => new ConfirmLookUp(
                r,
                mine.Contains(r.PartnerId),
                accounts.Where(a => a.Kind == AccountKind.Merchant && a.OwnerId == r.PartnerId).Select(a => (Guid?)a.Id).FirstOrDefault(),
                accounts.Where(a => a.Kind == AccountKind.Held && a.OwnerId == r.ResidentId).Select(a => (Guid?)a.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<RedemptionDto>> CancelAsync(string code, ClaimsPrincipal actor, CancellationToken ct)
    {
        var redemption = await FindAsync(code, ct);
        if (redemption is null || actor.UserId() is not { } userId || redemption.ResidentId != userId)
        {
            return Result<RedemptionDto>.NotFound("没有找到这个兑换码");
        }

        if (redemption.Status == RedemptionStatus.Cancelled)
        {
            return RedeemHandler.ToDto(redemption);
        }

        return await ReleaseAsync(redemption, RedemptionStatus.Cancelled, userId, ct);
    }

    /// <summary>Expires unconfirmed codes whose time is up and releases their points and stock; the scheduler calls it. Returns how many it expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<Redemption>().AsNoTracking().Where(r => r.Status == RedemptionStatus.Pending && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt).Take(500).ToListAsync(ct);
        var expired = 0;
        foreach (var redemption in due)
        {
            if ((await ReleaseAsync(redemption, RedemptionStatus.Expired, null, ct)).IsOk)
            {
                expired++;
            }
        }

        return expired;
    }

    private async Task<Result<RedemptionDto>> ReleaseAsync(Redemption redemption, RedemptionStatus status, Guid? actorId, CancellationToken ct)
    {
        var held = await ledger.AccountAsync(AccountKind.Held, redemption.ResidentId, ct);
        var resident = await ledger.AccountAsync(AccountKind.Resident, redemption.ResidentId, ct);
        return await CloseAsync(redemption, status, held, resident, TransferKind.Refund, actorId, ct);
    }

    private async Task<Result<RedemptionDto>> CloseAsync(Redemption redemption, RedemptionStatus status, Guid from, Guid to, TransferKind kind, Guid? actorId, CancellationToken ct)
    {
        if (redemption.Status != RedemptionStatus.Pending)
        {
            return Result<RedemptionDto>.Conflict("这个兑换码已经{0}，不能再操作", Redemption.StatusKey(redemption.Status));
        }

        // Every closing of a redemption shares this key; the status guard below (not a look-up first) stops a second one,
        // and the unique key catches a race that slips past both.
        var key = $"redemption:{redemption.Id:N}:close";
        var hash = Idempotency.Hash("close", redemption.Id, status);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ledger.ExecuteAsync<RedemptionDto>(key, hash, async c =>
        {
            var pending = (int)RedemptionStatus.Pending;
            List<FormattableString> guards =
            [
                actorId is { } by
                    ? (FormattableString)$"UPDATE points_redemptions SET \"Status\" = {(int)status}, \"ClosedAt\" = {now}, \"ClosedById\" = {by} WHERE \"Id\" = {redemption.Id} AND \"Status\" = {pending}"
                    : $"UPDATE points_redemptions SET \"Status\" = {(int)status}, \"ClosedAt\" = {now}, \"ClosedById\" = NULL WHERE \"Id\" = {redemption.Id} AND \"Status\" = {pending}",
            ];
            if (status != RedemptionStatus.Confirmed)
            {
                guards.Add($"UPDATE points_items SET \"Stock\" = \"Stock\" + 1 WHERE \"Id\" = {redemption.ItemId}");
            }

            var order = new TransferOrder(from, to, redemption.Points, kind, "redemption", redemption.Id.ToString(), actorId, null, key, hash);
            var outcome = await ledger.PostBatchedAsync(order, guards, c);
            if (outcome == PostOutcome.PreconditionFailed)
            {
                return Result<RedemptionDto>.Conflict("这个兑换码刚被处理过，请刷新");
            }

            if (outcome != PostOutcome.Posted)
            {
                throw new InvalidOperationException($"Held points of redemption {redemption.Id} are missing.");
            }

            audit.Record($"points.redemption.{status.ToString().ToLowerInvariant()}", nameof(Redemption), redemption.Id,
                new { Status = RedemptionStatus.Pending }, new { Status = status }, null, actorId);
            await db.SaveChangesAsync(c);
            return Result<RedemptionDto>.Ok(null!);
        }, (_, _) => Task.FromResult(Result<RedemptionDto>.Ok(null!)), ct, keyKnownNew: true);

        if (!result.IsOk)
        {
            return result;
        }

        // The write landed (or a twin of it did): answer from what is known instead of reading the row back.
        var closed = RedeemHandler.ToDto(redemption);
        return closed with { Status = status.ToString().ToLowerInvariant() };
    }

    private Task<Redemption?> FindAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return db.Set<Redemption>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == normalized, ct);
    }
}
