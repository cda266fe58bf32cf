using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Admin.Categories;

[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ManageCategoriesModel(ManageCategoriesHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    /// <summary>The code of the row whose form had errors, so only that row shows them.</summary>
    public string? ErrorRow { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await handler.ListAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct) =>
        await AfterAsync(code, await handler.UpdateAsync(code, Input.ToCommand(), ct), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        await AfterAsync("new", await handler.CreateAsync(Input.ToCommand(), ct), ct);

    private async Task<IActionResult> AfterAsync(string row, Result<NeedCategory> result, CancellationToken ct)
    {
        if (result.IsOk)
        {
            TempData["Flash"] = text["已保存类别“{0}”", result.Value!.Name].Value;
            return Redirect("/admin/need-categories");
        }

        ErrorRow = row;
        ModelState.AddResult(result, text);
        Categories = await handler.ListAsync(ct);
        return Page();
    }
}

public sealed class CategoryInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public int? ResponseHours { get; set; }

    public int? ResolutionDays { get; set; }

    public int? SortOrder { get; set; }

    public bool IsActive { get; set; }

    public CategoryCommand ToCommand() => new(Code, Name, NameEn, ResponseHours, ResolutionDays, SortOrder, IsActive);
}
