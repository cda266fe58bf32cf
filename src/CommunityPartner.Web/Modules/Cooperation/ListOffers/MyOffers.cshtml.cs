using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Cooperation.ListOffers;

/// <summary>我的合作: the offers of every partner the signed-in person acts for.</summary>
public sealed class MyOffersModel(OfferReader reader) : PageModel
{
    public IReadOnlyList<OfferSummary> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        Offers = await reader.ListMineAsync(User, ct);
        return Page();
    }
}
