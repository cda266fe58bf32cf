using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.InviteMember;

/// <summary>Invitations to the signed-in person's mobile number, each accepted or declined.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyInvitationsModel(TeamReader reader, InviteMemberHandler handler, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Invitations = await reader.MineAsync(User, ct);

    public async Task<IActionResult> OnPostAsync(Guid invitationId, string? decision, CancellationToken ct)
    {
        var accept = decision == "accept";
        var result = await handler.AnswerAsync(invitationId, accept, User, ct);
        if (result.IsOk)
        {
            if (accept)
            {
                TempData["Flash"] = text["你已加入这个合伙人。"].Value;
                return Redirect($"/partners/{result.Value!.PartnerId}");
            }

            TempData["Flash"] = text["已谢绝邀请。"].Value;
            return RedirectToPage();
        }

        ModelState.AddResult(result, text);
        Invitations = await reader.MineAsync(User, ct);
        return Page();
    }
}
