using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.ViewPartner;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Partners.ListPartners;

public sealed class ListPartnersModel(PartnerReader reader, ICommunityDirectory communities, InviteMember.TeamReader team) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    public IReadOnlyList<PartnerSummary> Partners { get; private set; } = [];

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    /// <summary>Open invitations to the signed-in person's number, so someone invited before they registered finds them.</summary>
    public int Invitations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Communities = await communities.ListAsync(ct);
        var communityId = Communities.FirstOrDefault(c => c.Code == Community)?.Id;
        Partners = await reader.ListAsync(PartnerText.ParseType(Type), communityId, PartnerStatus.Verified, ct);
        Invitations = (await team.MineAsync(User, ct)).Count;
    }
}
