using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.PersonalBill;

/// <summary>我的幸福账单: the signed-in person's own year, and the card to share.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PersonalBillModel(PersonalBillReader reader, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PersonalBillView? Bill { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var thisYear = DistrictTime.OffsetOf(clock.GetUtcNow().UtcDateTime).Year;
        Years = [thisYear, thisYear - 1, thisYear - 2];
        var result = await reader.ReadAsync(User, Year, ct);
        ModelState.AddResult(result, text, prefix: "");
        Bill = result.Value;
        if (Bill is not null && !Years.Contains(Bill.Year))
        {
            Years = [.. Years, Bill.Year];
        }

        return Page();
    }
}
