using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

/// <summary>
/// Where the activity's QR code leads: the resident (signed in first, then sent back here) sees the activity and
/// confirms with one tap. Without a code, a box to type it. The form carries its own idempotency key.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CheckInModel(ActivitiesHandler activities, CheckInHandler checkIn, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public ActivityDto? Activity { get; private set; }

    public CheckInResult? Done { get; private set; }

    public bool Open { get; private set; }

    public string Key { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        var normalized = Earning.PointsActivity.NormalizeCode(Code);
        if (normalized != Code)
        {
            return Redirect(ActivitiesHandler.PathOf(Uri.EscapeDataString(normalized)));
        }

        await LoadAsync(ct);
        if (Activity is null)
        {
            Error = text["没有找到这个签到码对应的活动"];
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The typed code: go to its page.</summary>
    public IActionResult OnPostFind() =>
        string.IsNullOrWhiteSpace(Code) ? Redirect("/points/checkin") : Redirect(ActivitiesHandler.PathOf(Uri.EscapeDataString(Earning.PointsActivity.NormalizeCode(Code))));

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken ct)
    {
        var result = await checkIn.HandleAsync(new CheckInCommand(Code), key, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text["签到成功，获得 {0} 积分", result.Value!.Points].Value;
            return Redirect(ActivitiesHandler.PathOf(Uri.EscapeDataString(Earning.PointsActivity.NormalizeCode(Code))));
        }

        Error = result.Errors.Items.Count > 0 && result.Errors.Items[0] is var error ? text[error.MessageKey, error.Args] : text[result.MessageKey ?? "操作与当前状态冲突", result.Args];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Activity = await activities.FindByCodeAsync(Code, ct);
        if (Activity is not null)
        {
            Done = await checkIn.FindAsync(Activity.Id, User.UserId()!.Value, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            Open = now >= Activity.StartsAt && now < Activity.EndsAt;
        }

        Key = Guid.NewGuid().ToString("N");
    }
}
