using CommunityPartner.Web.Modules.Bills.PublishBill;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.ViewBill;

/// <summary>The live figures before publication (staff of the community, the district admin) and the publish form.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DraftBillModel(BillReader reader, BillHighlightsReader highlights, PublishBillHandler publisher, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public BillSheet? Sheet { get; private set; }

    public bool HasPublished { get; private set; }

    public IReadOnlyList<BillHighlight> Highlights { get; private set; } = [];

    public string Scope => Sheet?.Community?.Code ?? BillVersion.DistrictScope;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await publisher.PublishAsync(User, Community, Period, Note, ct);
        if (result.IsOk)
        {
            var v = result.Value!;
            return Redirect($"/bills?community={Uri.EscapeDataString(string.IsNullOrWhiteSpace(Community) ? BillVersion.DistrictScope : Community.Trim())}&period={v.PeriodCode}&version={v.Number}");
        }

        ModelState.AddResult(result, text, prefix: "");
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await reader.ReadDraftAsync(User, Community, Period, ct);
        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.AddResult(result, text, prefix: "");
        Sheet = result.Value;
        if (Sheet is not null)
        {
            var published = await reader.ReadPublishedAsync(Community, Period, null, ct);
            HasPublished = published.Value?.Shown is not null;
            Highlights = await highlights.ReadAsync(await reader.CompletedProjectIdsAsync(Sheet.Community, Sheet.Period, ct), ct);
        }

        return null;
    }
}
