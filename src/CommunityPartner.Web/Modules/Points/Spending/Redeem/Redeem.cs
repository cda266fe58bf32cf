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
public sealed class RedeemHandler(AppDbContext db, PointsLedger ledger, IMerchantDirectory merchants, AuditLog audit, TimeProvider clock)
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
        if (await ledger.FindByKeyAsync(key!, ct) is null)
        {
            var item = await db.Set<MerchantItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.ItemId, ct);
            if (item is null)
            {
                return ValidationErrors.Of("itemId", "没有找到这件兑换物品");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (!item.IsOnOffer(now) || await merchants.FindMerchantAsync(item.PartnerId, ct) is not { Verified: true })
            {
                return Result<RedemptionDto>.Conflict("这件物品现在不能兑换");
            }

            var from = await ledger.AccountAsync(AccountKind.Resident, userId, ct);
            var held = await ledger.AccountAsync(AccountKind.Held, userId, ct);
            return await ledger.ExecuteAsync<RedemptionDto>(key!, hash, c => WriteAsync(item, userId, from, held, key!, hash, c), ReplayAsync, ct);
        }

        return await ledger.ExecuteAsync<RedemptionDto>(key!, hash, _ => throw new InvalidOperationException("unreachable"), ReplayAsync, ct);
    }

    private async Task<Result<RedemptionDto>> WriteAsync(MerchantItem item, Guid userId, Guid from, Guid held, string key, string hash, CancellationToken ct)
    {
        var reserved = await db.Set<MerchantItem>().Where(i => i.Id == item.Id && i.Stock >= 1)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock - 1), ct);
        if (reserved != 1)
        {
            return Result<RedemptionDto>.Conflict("这件物品已经兑完了");
        }

        var id = Guid.NewGuid();
        var order = new TransferOrder(from, held, item.PointsPrice, TransferKind.Hold, "redemption", id.ToString(), userId, null, key, hash);
        if (!await ledger.PostAsync(order, ct))
        {
            return Result<RedemptionDto>.Conflict("积分不足：兑换这件物品需要 {0} 积分", item.PointsPrice);
        }

        var redemption = Redemption.Start(id, item, userId, clock.GetUtcNow().UtcDateTime);
        db.Add(redemption);
        audit.Record("points.redeem", nameof(Redemption), id, null, new { redemption.Code, item.Id, redemption.Points }, null, userId);
        await db.SaveChangesAsync(ct);
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
