using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Time;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>
/// GeoReport times: the W3C subset of ISO 8601 with the offset always present. We store UTC and answer in the
/// district's own time (China Standard Time, UTC+8, no daylight saving), so a clerk reading the XML sees local time.
/// </summary>
public static partial class GeoTime
{
    public static string Format(DateTime utc) =>
        DistrictTime.OffsetOf(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads start_date / end_date. A time without an offset is taken as UTC (the spec's own examples end in Z); a "+"
    /// that arrived as a space because the client did not encode the query string is put back.
    /// </summary>
    public static bool TryParse(string? value, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40)
        {
            return false;
        }

        var text = UnencodedPlus().Replace(value.Trim(), "+$1");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    [GeneratedRegex(@"(?<=T[\d:.]+) (\d\d:?\d\d)$")]
    private static partial Regex UnencodedPlus();
}
