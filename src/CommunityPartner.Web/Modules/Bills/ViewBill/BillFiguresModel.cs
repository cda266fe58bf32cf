using CommunityPartner.Web.Platform.Time;

namespace CommunityPartner.Web.Modules.Bills.ViewBill;

/// <summary>What the figures partial shows: published (frozen) or live figures, each linking to its records, and the highlights.</summary>
public sealed record BillFiguresModel(FrozenFigures Figures, string Scope, BillPeriod Period, int? Version, IReadOnlyList<BillHighlight>? Highlights = null)
{
    public string Link(BillFigure figure) => BillEndpoints.RecordsLink(Scope, Period, figure, Version);

    /// <summary>Hours under two days as hours, longer as days, one decimal.</summary>
    public static (double Value, string UnitKey) Duration(double hours) =>
        hours < 48 ? (Math.Round(hours, 1), "小时") : (Math.Round(hours / 24, 1), "天");
}

/// <summary>The periods offered in the picker: recent closed quarters, months and years (any other can be typed in the URL).</summary>
public static class BillPeriods
{
    /// <summary>The recent periods, and <paramref name="shown"/> first when it is not among them (an older period typed in the URL stays selected).</summary>
    public static IReadOnlyList<BillPeriod> Offered(DateTime nowUtc, BillPeriod? shown)
    {
        var recent = Recent(nowUtc);
        return shown is null || recent.Contains(shown) ? recent : [shown, .. recent];
    }

    public static IReadOnlyList<BillPeriod> Recent(DateTime nowUtc)
    {
        var periods = new List<BillPeriod>();
        var quarter = BillPeriod.QuarterOf(nowUtc);
        for (var i = 0; i < 8; i++)
        {
            periods.Add(quarter);
            quarter = quarter.Previous;
        }

        var year = new BillPeriod(BillPeriodKind.Year, BillPeriod.QuarterOf(nowUtc).Year, 0);
        for (var i = 0; i < 3; i++)
        {
            periods.Add(year);
            year = year.Previous;
        }

        var local = DistrictTime.OffsetOf(nowUtc);
        var month = new BillPeriod(BillPeriodKind.Month, local.Year, local.Month);
        for (var i = 0; i < 6; i++)
        {
            periods.Add(month);
            month = month.Previous;
        }

        return periods;
    }
}
