using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.SaveProject;

public sealed class CreateProjectModel(SaveProjectHandler handler, ICommunityDirectory communities, INeedLinks needs, IStringLocalizer<SharedResource> text)
    : ProjectFormModel(communities, needs, text)
{
    public override bool IsNew => true;

    public async Task OnGetAsync(string? community, [FromQuery(Name = "need")] List<Guid>? need, CancellationToken ct)
    {
        var own = User.IsInRole(Roles.DistrictAdmin) ? null : User.CommunityId();
        Input.CommunityCode = community ?? (own is { } id ? (await Communities.FindByIdAsync(id, ct))?.Code : null);
        Input.NeedIds = need ?? [];
        await LoadOptionsAsync(null, [], ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? cover, CancellationToken ct)
    {
        if (!ChoosesCommunity)
        {
            Input.CommunityCode = null;
        }

        var result = await handler.CreateAsync(Input.ToInput(), CoverOf(cover), User, ct);
        if (!result.IsOk)
        {
            AddErrors(result);
            await LoadOptionsAsync(User.IsInRole(Roles.DistrictAdmin) ? null : User.CommunityId(), [], ct);
            return Page();
        }

        TempData["Flash"] = Text["项目草稿已保存。检查无误后请发布，发布后居民和合伙人就能看到。"].Value;
        return Redirect($"/projects/{result.Value!.Id}");
    }
}
