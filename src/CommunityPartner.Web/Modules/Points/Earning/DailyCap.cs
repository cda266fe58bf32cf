using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Earning;

/// <summary>
/// The daily cap of an earn rule, shared by staff awards and activity check-ins: the day's row exists before the
/// transaction, and the award counts against it by a guarded update inside it (<c>Points + n &lt;= cap</c>).
/// </summary>
public static class DailyCap
{
    public static async Task EnsureDayAsync(AppDbContext db, Guid userId, Guid communityId, string activityType, string day, CancellationToken ct)
    {
        if (await db.Set<DailyEarning>().AnyAsync(d => d.UserId == userId && d.CommunityId == communityId && d.ActivityType == activityType && d.Day == day, ct))
        {
            return;
        }

        var row = DailyEarning.Start(userId, communityId, activityType, day);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>True when the points fit under the cap and were counted; false (nothing changed) when they would pass it.</summary>
    public static async Task<bool> TryCountAsync(AppDbContext db, Guid userId, Guid communityId, string activityType, string day, long points, long cap, CancellationToken ct) =>
        await db.Set<DailyEarning>()
            .Where(d => d.UserId == userId && d.CommunityId == communityId && d.ActivityType == activityType && d.Day == day && d.Points + points <= cap)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Points, d => d.Points + points), ct) == 1;
}
