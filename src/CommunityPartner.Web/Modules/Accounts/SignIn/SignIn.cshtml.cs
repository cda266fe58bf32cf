using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Accounts.SignIn;

[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignInModel(SignInHandler handler, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await handler.CheckAsync(Input.Phone, Input.Password);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            return Page();
        }

        await signIn.SignInAsync(result.Value!, isPersistent: Input.RememberMe);
        return LocalRedirect(DisplayPreferenceEndpoints.SafeReturnUrl(ReturnUrl));
    }
}

public sealed class SignInInput
{
    public string? Phone { get; set; }

    public string? Password { get; set; }

    public bool RememberMe { get; set; }
}
