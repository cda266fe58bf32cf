using CommunityPartner.Web.Modules.Partners.HonourWall;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.ViewPartner;

public sealed class ViewPartnerModel(PartnerReader reader, IStringLocalizer<SharedResource> text) : PageModel
{
    public PartnerDetails Partner { get; private set; } = default!;

    public async Task<IActionResult> OnPostHonourWallAsync(Guid id, bool show, [FromServices] SetHonourWallHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, show, User, ct);
        switch (result.Kind)
        {
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
            case ResultKind.Ok:
                TempData["Flash"] = text[show ? "已加入爱心榜。" : "已退出爱心榜。"].Value;
                return Redirect($"/partners/{id}");
            default:
                ModelState.AddResult(result, text, prefix: "");
                return await OnGetAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await reader.FindAsync(id, User, ct) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        return Page();
    }
}
