using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Cooperation.HonourWall;

/// <summary>The confirmed deliveries behind a partner's figures on the honour wall (of one community, or all).</summary>
public sealed class HonourDeliveriesModel(HonourWallReader reader, ICommunityDirectory communities) : PageModel
{
    public PartnerProfile Partner { get; private set; } = default!;

    public IReadOnlyList<HonourDelivery> Deliveries { get; private set; } = [];

    public CommunityInfo? Community { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnerId, string? community, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(community) && (Community = await communities.FindByCodeAsync(community.Trim(), ct)) is null)
        {
            return NotFound();
        }

        if (await reader.DeliveriesAsync(partnerId, Community?.Id, ct) is not { } found)
        {
            return NotFound();
        }

        (Partner, Deliveries) = found;
        return Page();
    }
}
