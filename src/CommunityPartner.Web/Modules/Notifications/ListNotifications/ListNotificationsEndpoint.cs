using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Notifications.ListNotifications;

public static class ListNotificationsEndpoint
{
    public sealed record NotificationDto(long Id, string Text, string Link, DateTime CreatedAt, bool Read);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (HttpContext http, long? before, NotificationsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var items = await handler.ListAsync(http.User.UserId()!.Value, before, ct);
            return TypedResults.Ok(items.Select(n => new NotificationDto(n.Id, text[n.TextKey, n.Args], n.Link, n.CreatedAt, n.Read)).ToList());
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ListNotifications")
        .WithSummary("The signed-in person's notifications, newest first (keyset: ?before=<id>).")
        .WithTags("Notifications");

        api.MapPost("/notifications/read", async (HttpContext http, NotificationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await handler.MarkAllReadAsync(http.User.UserId()!.Value, ct) }))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("MarkNotificationsRead")
        .WithSummary("Mark all notifications read.")
        .WithTags("Notifications");
        return api;
    }
}
