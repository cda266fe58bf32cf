using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Spending.ManageItems;

public sealed record AddItemCommand(string? Name, long PointsPrice, int Stock, DateTime? ValidFrom, DateTime? ValidUntil);

/// <summary>An item as the API shows it. <c>PhotoUrl</c>: its public photo, null when it has none.</summary>
public sealed record ItemDto(Guid Id, Guid MerchantId, string Name, long PointsPrice, int Stock, DateTime? ValidFrom, DateTime? ValidUntil, bool OnOffer, string? PhotoUrl);

/// <summary>
/// Members of a caring-merchant partner list what residents can redeem, each with an optional photo; anyone can see a
/// merchant's items. Everything is checked before anything is stored.
/// </summary>
public sealed class ManageItemsHandler(AppDbContext db, IMerchantDirectory merchants, FileStore files, AuditLog audit, TimeProvider clock)
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

    public async Task<Result<ItemDto>> AddAsync(Guid merchantId, AddItemCommand command, PhotoUpload? photo, ClaimsPrincipal actor, CancellationToken ct)
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

        if (command.ValidFrom is { } from && command.ValidUntil is { } until && ToUtc(until) <= ToUtc(from))
        {
            errors.Add("validUntil", "截止时间应晚于开始时间");
        }

        var image = ReadPhoto(photo, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = MerchantItem.Create(merchantId, name, command.PointsPrice, command.Stock, ToUtc(command.ValidFrom), ToUtc(command.ValidUntil), userId, now);
        db.Add(item);
        return await SaveAsync(item, image, null, "points.item.add", userId, ct);
    }

    /// <summary>Sets or replaces an item's photo. The old photo stays stored, so a page opened before never breaks.</summary>
    public async Task<Result<ItemDto>> SetPhotoAsync(Guid merchantId, Guid itemId, PhotoUpload? photo, ClaimsPrincipal actor, CancellationToken ct)
    {
        var item = await db.Set<MerchantItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.PartnerId == merchantId, ct);
        if (item is null)
        {
            return Result<ItemDto>.NotFound("没有找到这件兑换物品");
        }

        if (actor.UserId() is not { } userId || !await merchants.IsMemberAsync(item.PartnerId, userId, ct))
        {
            return Result<ItemDto>.Forbidden("只有这家商家的成员可以管理兑换物品");
        }

        var errors = new ValidationErrors();
        var image = ReadPhoto(photo, errors);
        if (photo is null)
        {
            errors.Add("photo", "请选择一张照片");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        return await SaveAsync(item, image, item.Snapshot(), "points.item.photo", userId, ct);
    }

    private async Task<Result<ItemDto>> SaveAsync(MerchantItem item, SanitizedImage? image, object? before, string action, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string? written = null;
        try
        {
            if (image is not null)
            {
                var record = new ItemPhoto(Guid.NewGuid(), item.Id, image.ContentType, image.Content.Length, image.Width, image.Height, now);
                await files.WriteAsync(record.StoragePath, image.Content, ct);
                written = record.StoragePath;
                db.Add(record);
                item.SetPhoto(record.Id);
            }

            audit.Record(action, nameof(MerchantItem), item.Id, before, item.Snapshot(), null, userId);
            await db.SaveChangesAsync(ct);
            return ToDto(item, now);
        }
        catch
        {
            if (written is not null)
            {
                files.Delete(written);
            }

            throw;
        }
    }

    private static SanitizedImage? ReadPhoto(PhotoUpload? photo, ValidationErrors errors) =>
        photo is null ? null : PhotoUploads.Read([photo], 1, errors, "photo").FirstOrDefault();

    internal static ItemDto ToDto(MerchantItem i, DateTime now) =>
        new(i.Id, i.PartnerId, i.Name, i.PointsPrice, i.Stock, i.ValidFrom, i.ValidUntil, i.IsOnOffer(now) && i.Stock > 0, ItemPhoto.UrlOf(i.Id, i.PhotoId));

    private static DateTime? ToUtc(DateTime? value) => value is { } v ? DistrictTime.ToUtc(v) : null;
}
