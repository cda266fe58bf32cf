using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.Dashboard;

/// <summary>The needs behind the dashboard's overdue figure: open and past a deadline now.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class OverdueModel(DashboardReader reader, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    public CommunityInfo? Scope { get; private set; }

    public IReadOnlyList<NeedBrief>? Needs { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await reader.OverdueAsync(Community, ct);
        ModelState.AddResult(result, text, prefix: "");
        if (result.IsOk)
        {
            (Scope, Needs) = result.Value;
        }

        return Page();
    }
}
