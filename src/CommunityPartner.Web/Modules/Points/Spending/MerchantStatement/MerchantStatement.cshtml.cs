using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Points.Spending.MerchantStatement;

/// <summary>The statement page for the member's merchant: pick a period, see every confirmed redemption and the totals.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MerchantStatementModel(MerchantStatementReader reader, IMerchantDirectory merchants, TimeProvider clock) : PageModel
{
    public MerchantStatementDto Statement { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mine = await merchants.MerchantsOfMemberAsync(User.UserId()!.Value, ct);
        if (mine.Count == 0)
        {
            return Forbid();
        }

        var month = MerchantStatementReader.ThisMonth(clock.GetUtcNow().UtcDateTime);
        From ??= month.From;
        To ??= month.To;
        var result = await reader.ReadAsync(mine[0].Id, From.Value, To.Value, User, ct);
        if (result.Kind == ResultKind.Invalid)
        {
            (From, To) = month;
            result = await reader.ReadAsync(mine[0].Id, From.Value, To.Value, User, ct);
        }

        if (!result.IsOk)
        {
            return Forbid();
        }

        Statement = result.Value!;
        return Page();
    }
}
