using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Expiry.PointsSettings;

[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class PointsSettingsModel(PointsSettingsHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    public PointsSettingsDto? Current { get; private set; }

    [BindProperty]
    public int? ExpiryMonths { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await handler.CurrentAsync(ct);
        ExpiryMonths = Current.ExpiryMonths;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a non-number arrives as null; the handler gives the one clear message
        var result = await handler.SaveAsync(new SavePointsSettingsCommand(ExpiryMonths), User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已保存：积分在获得 {0} 个月后过期", result.Value!.ExpiryMonths].Value;
            return Redirect("/admin/points/settings");
        }

        ModelState.AddResult(result, text, prefix: "");
        Current = await handler.CurrentAsync(ct);
        return Page();
    }
}
