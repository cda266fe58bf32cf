using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.Sustainability;

/// <summary>The monthly records one self-sustainability figure sums: frozen with a published version (public), or live (staff only).</summary>
public sealed class SustainabilityRecordsModel(SustainabilityRecordsReader reader, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public SustainabilityRecords? Records { get; private set; }

    public string Scope => Records?.Community?.Code ?? BillVersion.DistrictScope;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await reader.ReadAsync(User, Community, Period, Project, Version, ct);
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
