using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Ledger.Corrections;

/// <summary>The district admin corrects a resident's points. The form carries its own idempotency key, so a double tap corrects once.</summary>
[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class CorrectModel(CorrectionHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CorrectionInput Input { get; set; } = new();

    public void OnGet() => Input.Key = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // the handler gives the clear messages
        var result = await handler.HandleAsync(new CorrectionCommand(Input.Phone, Input.Points ?? 0, Input.Reason), Input.Key, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["已更正 {0} 积分", result.Value!.Points].Value;
            return Redirect("/admin/points/corrections");
        }

        ModelState.AddResult(result, text);
        return Page();
    }
}

public sealed class CorrectionInput
{
    public string? Phone { get; set; }

    public long? Points { get; set; }

    public string? Reason { get; set; }

    public string? Key { get; set; }
}
