using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Notifications;

internal sealed class Notifier(AppDbContext db, TimeProvider clock) : INotifier, INotificationBadge
{
    public void Notify(IEnumerable<Guid> recipients, string textKey, string link, IReadOnlyList<string> args, Guid? except = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in recipients.Distinct().Where(u => u != except))
        {
            db.Add(new Notification(user, textKey, args, link, now));
        }
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
}
