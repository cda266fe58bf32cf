using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Time;

namespace CommunityPartner.Web.Modules.Bills;

public enum BillPeriodKind
{
    Year,
    Quarter,
    Month,
}

/// <summary>
/// A bill's period: a year ("2025"), a quarter ("2025-Q2") or a month ("2025-06"), in China Standard Time (UTC+8, no
/// daylight saving): 2025-Q2 runs from 1 April 00:00 to 1 July 00:00 Beijing time. Needs count in the period they were
/// submitted in.
/// </summary>
public sealed partial record BillPeriod(BillPeriodKind Kind, int Year, int Number)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public string Code => Kind switch
    {
        BillPeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        BillPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}"),
    };

    /// <summary>The first instant of the period, in UTC.</summary>
    public DateTime StartUtc => LocalStart.UtcDateTime;

    /// <summary>The first instant after the period, in UTC.</summary>
    public DateTime EndUtc => Kind switch
    {
        BillPeriodKind.Year => LocalStart.AddYears(1).UtcDateTime,
        BillPeriodKind.Quarter => LocalStart.AddMonths(3).UtcDateTime,
        _ => LocalStart.AddMonths(1).UtcDateTime,
    };

    private DateTimeOffset LocalStart => new(Year, Kind switch
    {
        BillPeriodKind.Year => 1,
        BillPeriodKind.Quarter => ((Number - 1) * 3) + 1,
        _ => Number,
    }, 1, 0, 0, 0, DistrictTime.Offset);

    /// <summary>The period before this one, of the same kind.</summary>
    public BillPeriod Previous => Kind switch
    {
        BillPeriodKind.Year => this with { Year = Year - 1 },
        BillPeriodKind.Quarter => Number == 1 ? new(Kind, Year - 1, 4) : this with { Number = Number - 1 },
        _ => Number == 1 ? new(Kind, Year - 1, 12) : this with { Number = Number - 1 },
    };

    public bool HasStarted(DateTime nowUtc) => nowUtc >= StartUtc;

    public bool IsClosed(DateTime nowUtc) => nowUtc >= EndUtc;

    /// <summary>The quarter that <paramref name="nowUtc"/> falls in, in Beijing time.</summary>
    public static BillPeriod QuarterOf(DateTime nowUtc)
    {
        var local = DistrictTime.OffsetOf(nowUtc);
        return new(BillPeriodKind.Quarter, local.Year, ((local.Month - 1) / 3) + 1);
    }

    public static bool TryParse(string? text, out BillPeriod period)
    {
        period = new(BillPeriodKind.Year, FirstYear, 0);
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
        {
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            period = new(BillPeriodKind.Quarter, year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            period = new(BillPeriodKind.Month, year, month);
            return month is >= 1 and <= 12;
        }

        period = new(BillPeriodKind.Year, year, 0);
        return true;
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-(?:[Qq](?<quarter>[1-4])|(?<month>[0-9]{2})))?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
