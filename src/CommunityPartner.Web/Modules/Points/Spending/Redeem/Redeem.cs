using System.Linq.Expressions;
using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Spending.Redeem;

public sealed record RedeemCommand(Guid ItemId);

public sealed record RedemptionDto(Guid Id, string Code, Guid ItemId, Guid MerchantId, long Points, string Status, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>
/// A resident redeems an item: in one transaction the stock is reserved (guarded, never below zero), the price moves
/// from the resident's account to their held account (guarded, never below zero), and the code is issued.
/// </summary>
public sealed class RedeemHandler(AppDbContext db, PointsLedger ledger, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<RedemptionDto>> HandleAsync(RedeemCommand command, string? idempotencyKey, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<RedemptionDto>.Forbidden();
        }

        var errors = new ValidationErrors();
        var key = Idempotency.Scope(idempotencyKey, "redeem", userId, errors);
        if (command.ItemId == Guid.Empty)
        {
            errors.Add("itemId", "请选择要兑换的物品");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var hash = Idempotency.Hash("redeem", command.ItemId);
        // One connection for the whole request: the look-up, the transaction and its commit (not one pool rent each).
        await db.Database.OpenConnectionAsync(ct);
        var found = await LookUpQuery.For(db)(db, command.ItemId, userId, key!, ct);
        if (found?.EarlierHash is not null || (found is null && await ledger.FindByKeyAsync(key!, ct) is not null))
        {
            // A retry (or a reuse) of the key: the ledger answers it from the first transfer, or with 422.
            return await ledger.ExecuteAsync<RedemptionDto>(key!, hash, _ => throw new InvalidOperationException("unreachable"), ReplayAsync, ct);
        }

        if (found is null)
        {
            return ValidationErrors.Of("itemId", "没有找到这件兑换物品");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = found.Item;
        if (!item.IsOnOffer(now) || !found.MerchantVerified)
        {
            return Result<RedemptionDto>.Conflict("这件物品现在不能兑换");
        }

        // Accounts open on a resident's first redemption; from then on the look-up above finds them.
        var from = found.ResidentAccount ?? await ledger.AccountAsync(AccountKind.Resident, userId, ct);
        var held = found.HeldAccount ?? await ledger.AccountAsync(AccountKind.Held, userId, ct);
        // Every row is made before the transaction opens, so the transaction itself is one command and the commit.
        var redemption = Redemption.Start(Guid.NewGuid(), item, userId, now);
        var order = new TransferOrder(from, held, item.PointsPrice, TransferKind.Hold, "redemption", redemption.Id.ToString(), userId, null, key!, hash);
        var entry = audit.Entry("points.redeem", nameof(Redemption), redemption.Id, null, new { redemption.Code, item.Id, redemption.Points }, null, userId);
        return await ledger.ExecuteAsync<RedemptionDto>(key!, hash, c => WriteAsync(redemption, order, entry, c), ReplayAsync, ct, keyKnownNew: true);
    }

    private sealed record LookUp(MerchantItem Item, bool MerchantVerified, Guid? ResidentAccount, Guid? HeldAccount, string? EarlierHash);

    /// <summary>
    /// Everything a redemption needs to know before it writes, in one query: the item, whether its merchant is verified,
    /// the resident's two accounts, and whether the key was used before. Null when there is no such item. Compiled once
    /// (the hot path of the points economy): a call binds the three values and runs, with no translation of its own.
    /// </summary>
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, string, CancellationToken, Task<LookUp?>>> LookUpQuery = new(() =>
        EF.CompileAsyncQuery(Splice.Into<Func<AppDbContext, Guid, Guid, string, CancellationToken, LookUp?>>(
            (Expression<Func<AppDbContext, IQueryable<Guid>, Guid, Guid, string, CancellationToken, LookUp?>>)((db, verified, itemId, userId, key, ct) =>
                db.Set<MerchantItem>().AsNoTracking().Where(i => i.Id == itemId)
                    .Select(i => new LookUp(
                        i,
                        verified.Contains(i.PartnerId),
                        db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Resident && a.OwnerId == userId).Select(a => (Guid?)a.Id).FirstOrDefault(),
                        db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Held && a.OwnerId == userId).Select(a => (Guid?)a.Id).FirstOrDefault(),
                        db.Set<PointsTransfer>().Where(t => t.IdempotencyKey == key).Select(t => t.RequestHash).FirstOrDefault()))
                    .FirstOrDefault()),
            placeholder: 1,
            MerchantQueries.VerifiedMerchantIds)));

    /// <summary>
    /// One transaction, two round trips: ONE command holds the stock reservation, the debit and the credit (guarded
    /// updates that decide in the database) and the inserts of the transfer, the redemption and the audit entry; then the
    /// commit. When a guard fails the inserts have run too, and the ledger rolls all of it back.
    /// </summary>
    private async Task<Result<RedemptionDto>> WriteAsync(Redemption redemption, TransferOrder order, AuditEntry entry, CancellationToken ct)
    {
        var outcome = await ledger.PostWithRowsAsync(
            order, [$"UPDATE points_items SET \"Stock\" = \"Stock\" - 1 WHERE \"Id\" = {redemption.ItemId} AND \"Stock\" >= 1"], [redemption, entry], ct);
        if (outcome == PostOutcome.PreconditionFailed)
        {
            return Result<RedemptionDto>.Conflict("这件物品已经兑完了");
        }

        if (outcome == PostOutcome.Insufficient)
        {
            return Result<RedemptionDto>.Conflict("积分不足：兑换这件物品需要 {0} 积分", order.Amount);
        }

        return ToDto(redemption);
    }

    private async Task<Result<RedemptionDto>> ReplayAsync(PointsTransfer first, CancellationToken ct)
    {
        var id = Guid.Parse(first.ReferenceId);
        var redemption = await db.Set<Redemption>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return ToDto(redemption);
    }

    internal static RedemptionDto ToDto(Redemption r) =>
        new(r.Id, r.Code, r.ItemId, r.PartnerId, r.Points, r.Status.ToString().ToLowerInvariant(), r.CreatedAt, r.ExpiresAt);
}
