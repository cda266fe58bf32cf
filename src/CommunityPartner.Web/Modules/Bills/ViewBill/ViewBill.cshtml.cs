using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.ViewBill;

/// <summary>The public bill: the latest published version of a community's (or the district's) bill for a period, or an older one.</summary>
public sealed class ViewBillModel(BillReader reader, BillHighlightsReader highlights, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public PublishedBill? Bill { get; private set; }

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public IReadOnlyList<BillPeriod> Periods { get; private set; } = [];

    public bool CanSeeDraft { get; private set; }

    public IReadOnlyList<BillHighlight> Highlights { get; private set; } = [];

    public string Scope => Bill?.Community?.Code ?? BillVersion.DistrictScope;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communities = await communities.ListAsync(ct);
        var result = await reader.ReadPublishedAsync(Community, Period, Version, ct);
        ModelState.AddResult(result, text, prefix: "");
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        Bill = result.Value;
        Periods = BillPeriods.Offered(clock.GetUtcNow().UtcDateTime, Bill?.Period);
        if (Bill is not null)
        {
            CanSeeDraft = BillPeople.CanSeeDraft(User, Bill.Community?.Id);
            if (Bill.Shown is { } shown)
            {
                Highlights = await highlights.ReadAsync(shown.Records.GetValueOrDefault(BillText.Code(BillFigure.ProjectsCompleted)) ?? [], ct);
            }
        }

        return Page();
    }
}
