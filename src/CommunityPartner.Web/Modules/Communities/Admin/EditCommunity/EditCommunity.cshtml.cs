using CommunityPartner.Web.Modules.Communities.Admin.CreateCommunity;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.EditCommunity;

[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class EditCommunityModel(EditCommunityHandler handler, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CommunityInput Input { get; set; } = new();

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var community = await db.Set<Community>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (community is null)
        {
            return NotFound();
        }

        Code = code;
        Input = new CommunityInput { Code = code, Name = community.Name, NameEn = community.NameEn, Description = community.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Code = code;
        var result = await handler.HandleAsync(new EditCommunityCommand(code, Input.Name, Input.NameEn, Input.Description), ct);
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            return Page();
        }

        TempData["Flash"] = text["已保存"].Value;
        return Redirect($"/admin/communities/{code}");
    }
}
