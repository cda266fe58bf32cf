using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.RaiseNeed;

[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class RaiseNeedModel(RaiseNeedHandler handler, ICommunityDirectory communities, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public RaiseNeedInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CommunityOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CategoryOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ChannelOptions { get; private set; } = [];

    public bool IsStaff => User.IsInRole(Roles.CommunityStaff) || User.IsInRole(Roles.DistrictAdmin);

    public async Task OnGetAsync(string? community, CancellationToken ct)
    {
        var home = User.CommunityId() is { } id ? await communities.FindByIdAsync(id, ct) : null;
        Input.CommunityCode = community ?? home?.Code;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> photos, CancellationToken ct)
    {
        var channel = IsStaff && Enum.TryParse<NeedChannel>(Input.Channel, out var c) ? c : NeedChannel.Web;
        var result = await handler.HandleAsync(
            new RaiseNeedCommand(Input.CommunityCode, Input.CategoryCode, Input.Title, Input.Description, Input.Address,
                Input.Latitude, Input.Longitude, Input.ShowRaiserName, channel, Input.OnBehalfOfPhone,
                [.. photos.Select(f => new PhotoUpload(f.FileName, f.Length, f.OpenReadStream))]),
            User, ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["诉求已提交，社区会在时限内回应。"].Value;
        return Redirect($"/needs/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await communities.ListAsync(ct);
        CommunityOptions = [new SelectListItem(text["请选择"], ""), .. list.Select(c => new SelectListItem(c.DisplayName, c.Code))];
        var categories = await db.Set<NeedCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        CategoryOptions = [new SelectListItem(text["请选择"], ""), .. categories.Select(c => new SelectListItem(c.DisplayName, c.Code))];
        ChannelOptions = [.. Enum.GetValues<NeedChannel>().Select(ch => new SelectListItem(text[NeedText.ChannelKey(ch)], ch.ToString()))];
    }
}

public sealed class RaiseNeedInput
{
    public string? CommunityCode { get; set; }

    public string? CategoryCode { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool ShowRaiserName { get; set; }

    public string? Channel { get; set; }

    public string? OnBehalfOfPhone { get; set; }
}
