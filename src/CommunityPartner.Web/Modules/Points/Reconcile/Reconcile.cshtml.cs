using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Points.Reconcile;

[Authorize(Policy = Policies.Staff)]
public sealed class ReconcileModel(Reconciliation reconciliation) : PageModel
{
    public ReconcileReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = await reconciliation.RunAsync(ct);
}
