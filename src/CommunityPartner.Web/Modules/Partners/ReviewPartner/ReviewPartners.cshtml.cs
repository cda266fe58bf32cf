using CommunityPartner.Web.Modules.Partners.ViewPartner;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.ReviewPartner;

/// <summary>The district admin's review queue: pending partners, oldest first, each verified or rejected with a reason.</summary>
[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ReviewPartnersModel(PartnerReader reader, ReviewPartnerHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<PartnerSummary> Pending { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await reader.ListAsync(null, null, PartnerStatus.Pending, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, decision == "verify", Reason, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text[decision == "verify" ? "已认证“{0}”。" : "已退回“{0}”，合伙人会看到理由。", result.Value!.Name].Value;
            return RedirectToPage();
        }

        // The queue has no field per partner to mark, so a missing or long reason is said at the top of the page.
        foreach (var error in result.Kind == ResultKind.Invalid ? result.Errors.Items : [])
        {
            ModelState.AddModelError("", text[error.MessageKey, error.Args]);
        }

        if (result.Kind != ResultKind.Invalid)
        {
            ModelState.AddResult(result, text);
        }

        Pending = await reader.ListAsync(null, null, PartnerStatus.Pending, ct);
        return Page();
    }
}
