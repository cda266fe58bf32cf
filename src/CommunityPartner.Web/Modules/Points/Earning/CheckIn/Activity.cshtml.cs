using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

/// <summary>One activity for its staff: the code and QR code to put up at the door, and who has checked in.</summary>
[Authorize(Roles = Roles.CommunityStaff)]
public sealed class ActivityModel(ActivitiesHandler activities) : PageModel
{
    public ActivityDto Activity { get; private set; } = null!;

    public IReadOnlyList<AttendeeDto> Attendees { get; private set; } = [];

    /// <summary>The absolute check-in URL the QR code encodes, so any phone camera opens it.</summary>
    public string CheckInUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await activities.AttendeesAsync(id, User, ct);
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        (Activity, Attendees) = result.Value;
        CheckInUrl = $"{Request.Scheme}://{Request.Host}{Activity.CheckInPath}";
        return Page();
    }
}
