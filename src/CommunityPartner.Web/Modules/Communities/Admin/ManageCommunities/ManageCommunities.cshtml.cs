using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Communities.Admin.ManageCommunities;

[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ManageCommunitiesModel(ICommunityDirectory directory) : PageModel
{
    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Communities = await directory.ListAsync(ct);
}
