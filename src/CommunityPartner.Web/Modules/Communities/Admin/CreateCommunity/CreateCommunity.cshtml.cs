using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.CreateCommunity;

[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class CreateCommunityModel(CreateCommunityHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CommunityInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CreateCommunityCommand(Input.Code, Input.Name, Input.NameEn, Input.Description), ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            return Page();
        }

        TempData["Flash"] = text["已创建社区“{0}”", result.Value!.Name].Value;
        return Redirect($"/admin/communities/{result.Value.Code}");
    }
}

public sealed class CommunityInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }
}
