using CommunityPartner.Web.Modules.Communities.Admin.AssignStaff;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.CommunityOverview;

/// <summary>A community's workspace: its staff see their own, the district admin sees every one.</summary>
[CommunityScope("community", "code")]
public sealed class CommunityOverviewModel(ICommunityDirectory directory, AssignStaffHandler staff, IAuthorizationService authorization, IStringLocalizer<SharedResource> text) : PageModel
{
    public CommunityInfo Community { get; private set; } = default!;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public bool CanManageStaff { get; private set; }

    [BindProperty]
    public AssignInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(string code, CancellationToken ct)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        var result = await staff.AssignAsync(new AssignStaffCommand(code, Input.Phone), ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            return await LoadAsync(code, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["已将 {0} 设为社区工作者，对方重新登录后生效", result.Value!.DisplayName].Value;
        return Redirect($"/admin/communities/{code}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, Guid userId, CancellationToken ct)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        var result = await staff.RemoveAsync(code, userId, ct);
        TempData["Flash"] = result.IsOk ? text["已解除"].Value : text[result.MessageKey ?? "操作失败，请稍后再试"].Value;
        return Redirect($"/admin/communities/{code}");
    }

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, Policies.DistrictAdmin)).Succeeded;

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var community = await directory.FindByCodeAsync(code, ct);
        if (community is null)
        {
            return false;
        }

        Community = community;
        Staff = await staff.ListAsync(community.Id, ct);
        CanManageStaff = await IsAdminAsync();
        return true;
    }
}

public sealed class AssignInput
{
    public string? Phone { get; set; }
}
