using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Accounts.Register;

[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RegisterModel(RegisterHandler handler, SignInManager<AppUser> signIn, ICommunityDirectory communities, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CommunityOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(
            new RegisterCommand(Input.Phone, Input.Password, Input.DisplayName, Input.CommunityCode, Input.Consent ? PrivacyNotice.CurrentVersion : null), ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            foreach (var key in ModelState.Keys.Where(k => k == "Input.ConsentVersion").ToList())
            {
                // The page shows consent as a checkbox named Consent.
                foreach (var e in ModelState[key]!.Errors)
                {
                    ModelState.AddModelError("Input.Consent", e.ErrorMessage);
                }

                ModelState.Remove(key);
            }

            await LoadAsync(ct);
            return Page();
        }

        await signIn.SignInAsync(result.Value!, isPersistent: false);
        TempData["Flash"] = text["注册成功，欢迎你，{0}！", result.Value!.DisplayName].Value;
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await communities.ListAsync(ct);
        CommunityOptions = [new SelectListItem(text["请选择"], ""), .. list.Select(c => new SelectListItem(c.DisplayName, c.Code))];
    }
}

public sealed class RegisterInput
{
    public string? Phone { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }

    public string? CommunityCode { get; set; }

    public bool Consent { get; set; }
}
