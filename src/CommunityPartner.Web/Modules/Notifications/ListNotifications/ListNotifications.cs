using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Notifications.ListNotifications;

public sealed record NotificationItem(long Id, string TextKey, string[] Args, string Link, DateTime CreatedAt, bool Read);

/// <summary>A person's messages, newest first, a keyset page at a time; opening one marks it read.</summary>
public sealed class NotificationsHandler(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid userId, long? before, CancellationToken ct)
    {
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        if (before is { } b)
        {
            query = query.Where(n => n.Id < b);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(ct);
        return [.. rows.Select(n => new NotificationItem(n.Id, n.TextKey, n.Args, n.Link, n.CreatedAt, n.ReadAt is not null))];
    }

    /// <summary>Marks one read and gives its link, or null when it is not the person's.</summary>
    public async Task<string?> OpenAsync(Guid userId, long id, CancellationToken ct)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        if (n is null)
        {
            return null;
        }

        n.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return n.Link;
    }

    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
