using CommunityPartner.Web.Modules.Needs.AnswerNeed;
using CommunityPartner.Web.Modules.Needs.RateNeed;
using CommunityPartner.Web.Modules.Needs.SupportNeed;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ViewNeed;

/// <summary>The need page: public facts and timeline, plus the actions the viewer may take (support, answer, rate).</summary>
public sealed class ViewNeedModel(
    NeedReader reader, SupportNeedHandler support, AnswerNeedHandler answer, RateNeedHandler rate, IStringLocalizer<SharedResource> text) : PageModel
{
    public NeedDetails Need { get; private set; } = default!;

    public bool IsStaffOfCommunity { get; private set; }

    public bool IsRaiser { get; private set; }

    public bool HasSupported { get; private set; }

    public string? RevealedContact { get; private set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(Guid id, CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        var result = await support.HandleAsync(id, User, ct);
        return await AfterAsync(id, result, text["已附议，有进展时会通知你"], ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string move, CancellationToken ct)
    {
        // Text that is not a need's number binds as no target; the handler then says, in the user's language, what to
        // fill in. The binder's own English message would only repeat it.
        ModelState.Remove($"{nameof(Input)}.{nameof(AnswerInput.TargetId)}");
        var result = await answer.HandleAsync(new AnswerNeedCommand(id, move, Input.Text, Input.TargetId), User, ct);
        return await AfterAsync(id, result, text["已更新，居民和附议人会收到通知"], ct);
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken ct)
    {
        var result = await rate.HandleAsync(new RateNeedCommand(id, Input.Satisfaction, Input.Comment), User, ct);
        return await AfterAsync(id, result, text["谢谢你的评价"], ct);
    }

    public async Task<IActionResult> OnPostRevealContactAsync(Guid id, CancellationToken ct)
    {
        var contact = await answer.RevealContactAsync(id, User, ct);
        if (contact.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        RevealedContact = contact.Value ?? text["这条诉求没有关联居民账户"];
        return Page();
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string success, CancellationToken ct)
    {
        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = success;
            return Redirect($"/needs/{id}");
        }

        ModelState.AddResult(result, text);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var need = await reader.FindAsync(id, ct);
        if (need is null)
        {
            return false;
        }

        Need = need;
        var userId = User.UserId();
        IsRaiser = userId is not null && userId == need.RaiserId;
        IsStaffOfCommunity = User.IsInRole(Roles.DistrictAdmin) || (User.IsInRole(Roles.CommunityStaff) && User.CommunityId() == need.CommunityId);
        HasSupported = userId is { } u && await support.HasSupportedAsync(id, u, ct);
        return true;
    }
}

public sealed class AnswerInput
{
    public string? Text { get; set; }

    /// <summary>The need to merge into; named as in the API (targetId) so a refusal lands on this field on both.</summary>
    public Guid? TargetId { get; set; }

    public string? Satisfaction { get; set; }

    /// <summary>The rating's comment; named as in the API so a refusal lands on the right field on both.</summary>
    public string? Comment { get; set; }
}
