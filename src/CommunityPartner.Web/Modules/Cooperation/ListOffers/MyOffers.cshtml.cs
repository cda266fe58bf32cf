using CommunityPartner.Web.Modules.Cooperation.Recommend;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Cooperation.ListOffers;

/// <summary>我的合作: the offers of every partner the signed-in person acts for, and the recruiting projects each one fits.</summary>
public sealed class MyOffersModel(OfferReader reader, IPartnerRoster roster, RecommendHandler recommend) : PageModel
{
    public IReadOnlyList<OfferSummary> Offers { get; private set; } = [];

    public IReadOnlyList<(PartnerCard Partner, IReadOnlyList<RecommendedProject> Projects)> Recommended { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        Offers = await reader.ListMineAsync(User, ct);
        var recommended = new List<(PartnerCard, IReadOnlyList<RecommendedProject>)>();
        foreach (var partner in (await roster.OfMemberAsync(userId, ct)).Take(5))
        {
            recommended.Add((partner, (await recommend.ProjectsForPartnerAsync(partner.Id, User, ct)).Value ?? []));
        }

        Recommended = recommended;
        return Page();
    }
}
