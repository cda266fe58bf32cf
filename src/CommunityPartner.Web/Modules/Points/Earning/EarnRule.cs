using CommunityPartner.Web.Platform.Time;
using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Points.Earning;

/// <summary>A community's rule for one activity type: how many points one participation earns, and a daily cap per resident.</summary>
public sealed class EarnRule
{
    public const int ActivityTypeMax = 30;
    public const int NameMax = 30;
    public const long PointsMax = 10_000;

    private EarnRule()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>A code such as "volunteer" or "cleanup".</summary>
    public string ActivityType { get; private set; } = "";

    public string Name { get; private set; } = "";

    public long Points { get; private set; }

    /// <summary>The most points one resident can earn by this activity in one day (China time).</summary>
    public long DailyCap { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static EarnRule Create(Guid communityId, string activityType, string name, long points, long dailyCap, DateTime now)
    {
        var rule = new EarnRule { Id = Guid.NewGuid(), CommunityId = communityId, ActivityType = activityType };
        rule.Change(name, points, dailyCap, now);
        return rule;
    }

    public void Change(string name, long points, long dailyCap, DateTime now)
    {
        Require(points > 0 && dailyCap >= points, "每日上限不能小于单次积分");
        Name = name;
        Points = points;
        DailyCap = dailyCap;
        UpdatedAt = now;
    }

    public object Snapshot() => new { ActivityType, Name, Points, DailyCap };
}

/// <summary>
/// Points a resident earned by one activity type on one day. The cap is enforced by a guarded update of this row in the
/// award's transaction (<c>Points + n &lt;= cap</c>), so parallel awards cannot overshoot it.
/// </summary>
public sealed class DailyEarning
{
    private DailyEarning()
    {
    }

    public Guid UserId { get; private set; }

    public Guid CommunityId { get; private set; }

    public string ActivityType { get; private set; } = "";

    /// <summary>The day in China Standard Time, as yyyy-MM-dd.</summary>
    public string Day { get; private set; } = "";

    public long Points { get; private set; }

    public static DailyEarning Start(Guid userId, Guid communityId, string activityType, string day) =>
        new() { UserId = userId, CommunityId = communityId, ActivityType = activityType, Day = day };

    /// <summary>UTC+8, the day residents and staff live in.</summary>
    public static string DayOf(DateTime utc) =>
        DistrictTime.Date(utc);
}
