using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Passbook;

[Authorize(Policy = Policies.SignedIn)]
public sealed class PassbookModel(PassbookReader reader, CloseRedemptionHandler close, IStringLocalizer<SharedResource> text) : PageModel
{
    public PassbookDto Passbook { get; private set; } = new(0, 0, 0, [], null);

    public IReadOnlyList<PendingRedemption> Pending { get; private set; } = [];

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        Passbook = await reader.ReadAsync(userId, before, ct);
        Pending = await reader.PendingAsync(userId, ct);
    }

    /// <summary>The resident cancels a code they no longer need: the points come back.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string code, CancellationToken ct)
    {
        var result = await close.CancelAsync(code, User, ct);
        TempData["Flash"] = result.IsOk ? text["已取消兑换，积分已退回"].Value : text[result.MessageKey ?? "操作与当前状态冲突", result.Args].Value;
        return Redirect("/points");
    }
}
