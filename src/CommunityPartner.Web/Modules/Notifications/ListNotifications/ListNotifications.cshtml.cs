using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Notifications.ListNotifications;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ListNotificationsModel(NotificationsHandler handler) : PageModel
{
    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        Items = await handler.ListAsync(User.UserId()!.Value, before, ct);
        NextBefore = Items.Count == NotificationsHandler.PageSize ? Items[^1].Id : null;
    }

    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken ct)
    {
        var link = await handler.OpenAsync(User.UserId()!.Value, id, ct);
        return link is null ? NotFound() : LocalRedirect(link);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await handler.MarkAllReadAsync(User.UserId()!.Value, ct);
        return Redirect("/notifications");
    }
}
