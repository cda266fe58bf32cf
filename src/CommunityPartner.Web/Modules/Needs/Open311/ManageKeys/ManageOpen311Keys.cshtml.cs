using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311.ManageKeys;

/// <summary>/admin/open311: keys for the systems that file needs through Open311.</summary>
[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ManageOpen311KeysModel(Open311KeysHandler keys, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IssueKeyInput Input { get; set; } = new();

    public IReadOnlyList<Open311ApiKey> Keys { get; private set; } = [];

    /// <summary>Shown on the answer to the issue only: never stored, never put in TempData (a cookie).</summary>
    public string? IssuedPlainKey { get; private set; }

    public string? IssuedName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var result = await keys.IssueAsync(Input.Name, User.UserId(), ct);
        if (result.IsOk)
        {
            IssuedPlainKey = result.Value!.Plain;
            IssuedName = result.Value.Key.Name;
            Input = new IssueKeyInput();
            ModelState.Clear();
        }
        else
        {
            ModelState.AddResult(result, text);
        }

        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await keys.RevokeAsync(id, ct);
        TempData["Flash"] = result.IsOk ? text["已吊销密钥“{0}”", result.Value!.Name].Value : text[result.MessageKey ?? "操作失败，请稍后再试"].Value;
        return Redirect("/admin/open311");
    }
}

public sealed class IssueKeyInput
{
    public string? Name { get; set; }
}
