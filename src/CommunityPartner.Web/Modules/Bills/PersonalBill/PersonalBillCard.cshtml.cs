using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.PersonalBill;

/// <summary>The personal bill as an SVG image to save and share; only the signed-in person's own.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PersonalBillCardModel(PersonalBillReader reader, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year, bool download, CancellationToken ct)
    {
        var result = await reader.ReadAsync(User, year, ct);
        if (!result.IsOk)
        {
            return NotFound();
        }

        if (download)
        {
            Response.Headers.ContentDisposition = $"attachment; filename=\"happiness-bill-{year}.svg\"";
        }

        Response.Headers.CacheControl = "private, no-store";
        return Content(PersonalBillReader.Card(result.Value!, text), "image/svg+xml; charset=utf-8");
    }
}
