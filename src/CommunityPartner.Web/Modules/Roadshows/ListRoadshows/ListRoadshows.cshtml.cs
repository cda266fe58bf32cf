using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Roadshows.ListRoadshows;

/// <summary>Roadshows: what is coming first, then what is past with its results.</summary>
public sealed class ListRoadshowsModel(RoadshowReader reader) : PageModel
{
    public RoadshowList List { get; private set; } = new([], []);

    public bool CanOrganise => RoadshowPeople.IsOrganiser(User);

    public async Task OnGetAsync(CancellationToken ct) => List = await reader.ListAsync(ct);
}
