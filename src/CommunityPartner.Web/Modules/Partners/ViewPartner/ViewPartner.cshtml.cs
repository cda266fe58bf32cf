using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Partners.ViewPartner;

public sealed class ViewPartnerModel(PartnerReader reader) : PageModel
{
    public PartnerDetails Partner { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await reader.FindAsync(id, User, ct) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        return Page();
    }
}
