using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Spending.ManageItems;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.MerchantDesk;

public sealed record DeskRedemption(string Code, string ItemName, long Points, RedemptionStatus Status, DateTime CreatedAt);

/// <summary>
/// The merchant's counter (商家核销台): confirm a resident's code, list items for points, and a statement of the
/// points earned (confirmed redemptions) for settlement with the community.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MerchantDeskModel(
    AppDbContext db, IMerchantDirectory merchants, CloseRedemptionHandler close, ManageItemsHandler items, IStringLocalizer<SharedResource> text) : PageModel
{
    public MerchantRef? Merchant { get; private set; }

    public long Earned { get; private set; }

    public IReadOnlyList<ItemDto> Items { get; private set; } = [];

    public IReadOnlyList<DeskRedemption> Recent { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public string? ErrorForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var result = await close.ConfirmAsync(Code ?? "", User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已核销兑换码 {0}，{1} 积分已入账", result.Value!.Code, result.Value.Points].Value;
            return Redirect("/merchant/points");
        }

        ErrorForm = "confirm";
        ModelState.AddModelError(nameof(Code), text[result.MessageKey ?? "操作与当前状态冲突", result.Args]);
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAddItemAsync(IFormFile? photo, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        var result = await items.AddAsync(Merchant!.Id, new AddItemCommand(Input.Name, Input.PointsPrice ?? 0, Input.Stock ?? 0, null, null), UploadOf(photo), User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已上架“{0}”", result.Value!.Name].Value;
            return Redirect("/merchant/points");
        }

        ErrorForm = "item";
        ModelState.AddResult(result, text);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid itemId, IFormFile? photo, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        var result = await items.SetPhotoAsync(Merchant!.Id, itemId, UploadOf(photo), User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已更新“{0}”的照片", result.Value!.Name].Value;
            return Redirect("/merchant/points");
        }

        ErrorForm = "photo:" + itemId;
        // The item cards share one page: the photo form shows its messages above its own button.
        foreach (var message in result.Errors.Items.Select(e => text[e.MessageKey, e.Args].Value).DefaultIfEmpty(text[result.MessageKey ?? "操作与当前状态冲突", result.Args].Value))
        {
            ModelState.AddModelError("", message);
        }

        return Page();
    }

    private static PhotoUpload? UploadOf(IFormFile? file) =>
        file is null || file.Length == 0 ? null : new PhotoUpload(file.FileName, file.Length, file.OpenReadStream);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = await merchants.MerchantsOfMemberAsync(User.UserId()!.Value, ct);
        Merchant = mine.Count > 0 ? mine[0] : null;
        if (Merchant is null)
        {
            return false;
        }

        var id = Merchant.Id;
        Earned = await db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Merchant && a.OwnerId == id).Select(a => a.Balance).FirstOrDefaultAsync(ct);
        Items = (await items.ListAsync(id, ct)).Value ?? [];
        Recent = await (from r in db.Set<Redemption>().AsNoTracking()
                        join i in db.Set<MerchantItem>() on r.ItemId equals i.Id
                        where r.PartnerId == id
                        orderby r.CreatedAt descending
                        select new DeskRedemption(r.Code, i.Name, r.Points, r.Status, r.CreatedAt)).Take(30).ToListAsync(ct);
        return true;
    }
}

public sealed class ItemInput
{
    public string? Name { get; set; }

    public long? PointsPrice { get; set; }

    public int? Stock { get; set; }
}
