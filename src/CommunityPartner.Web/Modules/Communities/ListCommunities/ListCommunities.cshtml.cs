using CommunityPartner.Web.Modules.Communities.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Communities.ListCommunities;

public sealed class ListCommunitiesModel(ICommunityDirectory directory) : PageModel
{
    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Communities = await directory.ListAsync(ct);
}
