using CommunityPartner.Web.Modules.Bills.ViewBill;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.Dashboard;

/// <summary>The district dashboard: for the district admin and representatives only.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class DashboardModel(DashboardReader reader, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    public DashboardView? View { get; private set; }

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public IReadOnlyList<BillPeriod> Periods { get; private set; } = [];

    public string TrendScope => View?.TrendScope?.Code ?? BillVersion.DistrictScope;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communities = await communities.ListAsync(ct);
        var result = await reader.ReadAsync(Period, Community, ct);
        ModelState.AddResult(result, text, prefix: "");
        View = result.Value;
        Periods = BillPeriods.Offered(clock.GetUtcNow().UtcDateTime, View?.Period);
        return Page();
    }

    public static string Percent(Rate rate) =>
        rate.Percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Link(string scope, BillPeriod period, BillFigure figure) => BillEndpoints.RecordsLink(scope, period, figure, null);
}
