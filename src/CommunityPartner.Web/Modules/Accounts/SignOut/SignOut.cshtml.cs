using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Accounts.SignOut;

public sealed class SignOutModel(SignOutHandler handler) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await handler.HandleAsync(HttpContext);
        return Redirect("/?signedOut=1");
    }
}
