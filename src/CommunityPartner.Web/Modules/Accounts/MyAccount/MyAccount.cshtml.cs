using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Accounts.MyAccount;

[Authorize(Policy = Policies.SignedIn)]
public sealed class MyAccountModel(MyAccountHandler handler) : PageModel
{
    public MyAccountDto Account { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await handler.HandleAsync(User, ct);
        if (me is null)
        {
            return Challenge();
        }

        Account = me;
        return Page();
    }
}
