using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.ViewBill;

/// <summary>The records one figure counts: frozen with a published version (public), or live (staff only).</summary>
public sealed class BillRecordsModel(BillReader reader, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Figure { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public BillRecords? Records { get; private set; }

    public string Scope => Records?.Community?.Code ?? BillVersion.DistrictScope;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await reader.RecordsAsync(User, Community, Period, Figure, Version, ct);
        switch (result.Kind)
        {
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden when User.Identity?.IsAuthenticated != true:
                return Challenge();
            case ResultKind.Forbidden:
                return Forbid();
        }

        ModelState.AddResult(result, text, prefix: "");
        Records = result.Value;
        return Page();
    }
}
