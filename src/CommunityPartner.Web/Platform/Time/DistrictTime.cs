using System.Globalization;

namespace CommunityPartner.Web.Platform.Time;

/// <summary>
/// The district keeps Beijing time (UTC+8, no daylight saving). Instants are stored in UTC; this is the one place that
/// turns them into the district's wall clock for display, whatever time zone the server runs in.
/// </summary>
public static class DistrictTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The district's wall-clock time of a UTC instant.</summary>
    public static DateTime Of(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    /// <summary>"yyyy-MM-dd HH:mm" in district time.</summary>
    public static string Minutes(DateTime utc) => Of(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"yyyy-MM-dd" in district time.</summary>
    public static string Date(DateTime utc) => Of(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
