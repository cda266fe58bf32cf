using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Spending.ManageItems;

public sealed record AddItemCommand(string? Name, long PointsPrice, int Stock, DateTime? ValidFrom, DateTime? ValidUntil);

public sealed record ItemDto(Guid Id, Guid MerchantId, string Name, long PointsPrice, int Stock, DateTime? ValidFrom, DateTime? ValidUntil, bool OnOffer);

/// <summary>Members of a caring-merchant partner list what residents can redeem; anyone can see a merchant's items.</summary>
public sealed class ManageItemsHandler(AppDbContext db, IMerchantDirectory merchants, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ItemDto>>> ListAsync(Guid merchantId, CancellationToken ct)
    {
        if (await merchants.FindMerchantAsync(merchantId, ct) is null)
        {
            return Result<IReadOnlyList<ItemDto>>.NotFound("未找到这家爱心商家");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Set<MerchantItem>().AsNoTracking().Where(i => i.PartnerId == merchantId).OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(ct);
        return items.Select(i => ToDto(i, now)).ToList();
    }

    public async Task<Result<ItemDto>> AddAsync(Guid merchantId, AddItemCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        var merchant = await merchants.FindMerchantAsync(merchantId, ct);
        if (merchant is null)
        {
            return Result<ItemDto>.NotFound("未找到这家爱心商家");
        }

        if (actor.UserId() is not { } userId || !await merchants.IsMemberAsync(merchantId, userId, ct))
        {
            return Result<ItemDto>.Forbidden("只有这家商家的成员可以管理兑换物品");
        }

        if (!merchant.Verified)
        {
            return Result<ItemDto>.Conflict("商家通过审核后才能上架兑换物品");
        }

        var name = command.Name?.Trim() ?? "";
        var errors = new ValidationErrors().Text("name", name, MerchantItem.NameMax, "请填写物品名称", "物品名称不能超过 {0} 个字");
        if (command.PointsPrice is <= 0 or > MerchantItem.PriceMax)
        {
            errors.Add("pointsPrice", "兑换积分应在 1 到 {0} 之间", MerchantItem.PriceMax);
        }

        if (command.Stock is < 0 or > MerchantItem.StockMax)
        {
            errors.Add("stock", "库存应在 0 到 {0} 之间", MerchantItem.StockMax);
        }

        if (command.ValidFrom is { } from && command.ValidUntil is { } until && until <= from)
        {
            errors.Add("validUntil", "截止时间应晚于开始时间");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = MerchantItem.Create(merchantId, name, command.PointsPrice, command.Stock, ToUtc(command.ValidFrom), ToUtc(command.ValidUntil), userId, now);
        db.Add(item);
        audit.Record("points.item.add", nameof(MerchantItem), item.Id, null, item.Snapshot(), null, userId);
        await db.SaveChangesAsync(ct);
        return ToDto(item, now);
    }

    internal static ItemDto ToDto(MerchantItem i, DateTime now) =>
        new(i.Id, i.PartnerId, i.Name, i.PointsPrice, i.Stock, i.ValidFrom, i.ValidUntil, i.IsOnOffer(now) && i.Stock > 0);

    private static DateTime? ToUtc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.Value.AddHours(-8), DateTimeKind.Utc),
    };
}
