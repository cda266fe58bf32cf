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

    /// <summary>"yyyy-MM", the district month a UTC instant falls in.</summary>
    public static string Month(DateTime utc) => Of(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Any other (invariant) format of the district time, e.g. "MM-dd HH:mm".</summary>
    public static string Format(DateTime utc, string format) => Of(utc).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The UTC instant of a time typed in a form (datetime-local, no zone): it is district time. A value that carries
    /// its own offset or Z is converted as such.
    /// </summary>
    public static bool TryParseTyped(string? value, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        utc = ToUtc(parsed);
        return true;
    }

    /// <summary>
    /// The UTC instant of a time an API client or a form sent: with a zone (Z, an offset) as such; without one it is the
    /// district's wall clock (a client in the district writes "2025-05-01T19:00" meaning Beijing time), never the
    /// server's zone and never UTC.
    /// </summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value - Offset, DateTimeKind.Utc),
    };

    /// <summary>The district's wall-clock time as an offset date (+08:00), for calendar arithmetic in district months.</summary>
    public static DateTimeOffset OffsetOf(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);
}
