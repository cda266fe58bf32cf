using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.InviteMember;

/// <summary>The partner's members and open invitations; members invite and revoke, the district admin only reads.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MembersModel(TeamReader reader, InviteMemberHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    public TeamView Team { get; private set; } = default!;

    public bool CanInvite { get; private set; }

    [BindProperty]
    public string? Phone { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        var result = await handler.InviteAsync(id, Phone, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["邀请已发出。同事用这个手机号登录后，在“合伙人邀请”里接受。"].Value;
            return RedirectToPage(new { id });
        }

        if (result.Kind is ResultKind.NotFound or ResultKind.Forbidden)
        {
            return NotFound();
        }

        ModelState.AddResult(result, text, prefix: "", field: key => key == "phone" ? nameof(Phone) : key);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid invitationId, CancellationToken ct)
    {
        var result = await handler.RevokeAsync(invitationId, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["邀请已撤回。"].Value;
            return RedirectToPage(new { id });
        }

        if (result.Kind is ResultKind.NotFound or ResultKind.Forbidden)
        {
            return NotFound();
        }

        ModelState.AddResult(result, text);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await reader.TeamAsync(id, User, ct) is not { } team)
        {
            return false;
        }

        Team = team;
        CanInvite = User.UserId() is { } userId && team.Members.Any(m => m.UserId == userId);
        return true;
    }
}
