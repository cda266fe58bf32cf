using CommunityPartner.Web.Modules.Communities.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Cooperation.HonourWall;

/// <summary>爱心榜: public; the district, or one community (?community=code).</summary>
public sealed class HonourWallModel(HonourWallReader reader, ICommunityDirectory communities) : PageModel
{
    public IReadOnlyList<HonourRow> Rows { get; private set; } = [];

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public CommunityInfo? Community { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? community, CancellationToken ct)
    {
        Communities = [.. (await communities.ListAsync(ct)).Where(c => !c.IsSample)];
        if (!string.IsNullOrWhiteSpace(community))
        {
            Community = await communities.FindByCodeAsync(community.Trim(), ct);
            if (Community is null)
            {
                return NotFound();
            }
        }

        Rows = await reader.ListAsync(Community?.Id, ct);
        return Page();
    }
}
