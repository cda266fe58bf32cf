using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.BrowseItems;

public sealed record OfferedItem(Guid Id, string Name, long PointsPrice, int Stock, DateTime? ValidUntil, string MerchantName, string? PhotoUrl);

/// <summary>积分兑换: what caring merchants offer now; a signed-in resident redeems with one tap and gets a code.</summary>
public sealed class BrowseItemsModel(AppDbContext db, IMerchantDirectory merchants, RedeemHandler redeem, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<OfferedItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Set<MerchantItem>().AsNoTracking()
            .Where(i => i.Stock > 0 && (i.ValidFrom == null || i.ValidFrom <= now) && (i.ValidUntil == null || i.ValidUntil > now))
            .OrderBy(i => i.PointsPrice).Take(100).ToListAsync(ct);
        var names = new Dictionary<Guid, MerchantRef?>();
        foreach (var partnerId in items.Select(i => i.PartnerId).Distinct())
        {
            names[partnerId] = await merchants.FindMerchantAsync(partnerId, ct);
        }

        Items = items.Where(i => names[i.PartnerId] is { Verified: true })
            .Select(i => new OfferedItem(i.Id, i.Name, i.PointsPrice, i.Stock, i.ValidUntil, names[i.PartnerId]!.Name, ItemPhoto.UrlOf(i.Id, i.PhotoId))).ToList();
    }

    public async Task<IActionResult> OnPostRedeemAsync(Guid itemId, string? key, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var result = await redeem.HandleAsync(new RedeemCommand(itemId), key, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["兑换成功！到店出示兑换码 {0}", result.Value!.Code].Value;
            return Redirect("/points");
        }

        var message = result.Errors.Items.Count > 0 && result.Errors.Items[0] is var error ? text[error.MessageKey, error.Args] : text[result.MessageKey ?? "操作与当前状态冲突", result.Args];
        TempData["Flash"] = message.Value;
        return Redirect("/points/items");
    }
}
