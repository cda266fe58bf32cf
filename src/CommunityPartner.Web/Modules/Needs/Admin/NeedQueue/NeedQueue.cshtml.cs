using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Needs.Admin.NeedQueue;

[CommunityScope("community", "code")]
public sealed class NeedQueueModel(NeedQueueHandler handler, ICommunityDirectory communities) : PageModel
{
    public CommunityInfo Community { get; private set; } = default!;

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var community = await communities.FindByCodeAsync(code, ct);
        if (community is null)
        {
            return NotFound();
        }

        Community = community;
        Items = await handler.ListAsync(community.Id, ct);
        return Page();
    }
}
