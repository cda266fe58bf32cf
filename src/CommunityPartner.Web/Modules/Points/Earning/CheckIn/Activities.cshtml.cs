using System.Globalization;
using CommunityPartner.Web.Modules.Points.Earning.ManageEarnRules;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

/// <summary>Staff open check-in activities for their community (times typed in local time) and find their codes.</summary>
[Authorize(Roles = Roles.CommunityStaff)]
public sealed class ActivitiesModel(ActivitiesHandler activities, ManageEarnRulesHandler rules, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    public IReadOnlyList<ActivityDto> Activities { get; private set; } = [];

    public IReadOnlyList<EarnRuleDto> Rules { get; private set; } = [];

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The app's clock, in the district time the form is typed in (datetime-local has no zone).
        var now = DistrictTime.Of(clock.GetUtcNow().UtcDateTime);
        Input.StartsAt = now.ToString(TimeFormat, CultureInfo.InvariantCulture);
        Input.EndsAt = now.AddHours(3).ToString(TimeFormat, CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var starts = Time(Input.StartsAt, "StartsAt");
        var ends = Time(Input.EndsAt, "EndsAt");
        if (ModelState.IsValid)
        {
            var result = await activities.CreateAsync(new CreateActivityCommand(Input.Title, Input.ActivityType, starts, ends), User, ct);
            if (result.IsOk)
            {
                TempData["Flash"] = text["已创建签到活动，签到码 {0}", result.Value!.Code].Value;
                return Redirect($"/admin/points/activities/{result.Value.Id}");
            }

            ModelState.AddResult(result, text);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (User.CommunityId() is { } community)
        {
            Rules = await rules.ListAsync(community, ct);
            Activities = await activities.ListAsync(community, ct);
        }
    }

    private DateTime? Time(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DistrictTime.TryParseTyped(value, out var utc))
        {
            return utc;
        }

        ModelState.AddModelError($"Input.{field}", text["时间格式不正确，例如 2025-06-06 14:00"]);
        return null;
    }
}

public sealed class ActivityInput
{
    public string? Title { get; set; }

    public string? ActivityType { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }
}
