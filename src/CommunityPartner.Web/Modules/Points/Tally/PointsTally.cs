using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Tally;

/// <summary>
/// Points moved per community, Beijing month (yyyymm) and transfer kind, kept by triggers on <c>points_transfers</c>
/// (migration <c>PointsTally</c>) in every writer's transaction, so a bill never scans the ledger:
/// awards and drop-offs (<see cref="Ledger.TransferKind.Award"/>, <see cref="Ledger.TransferKind.Dropoff"/>) from a
/// community pool to a resident count under the pool's community; redemptions from a resident's held account under the
/// resident's home community (<see cref="NoCommunity"/> when they have none), moved along by a trigger on
/// <c>accounts_users</c> when the home community changes. Only what <see cref="PointsFacts"/> counts is kept.
/// </summary>
public sealed class PointsMonthly
{
    /// <summary>The community of residents who have none (counted in the district only).</summary>
    public static readonly Guid NoCommunity = Guid.Empty;

    private PointsMonthly()
    {
    }

    public Guid CommunityId { get; private set; }

    /// <summary>The Beijing month of the transfers, as yyyymm (202503).</summary>
    public int Month { get; private set; }

    public Ledger.TransferKind Kind { get; private set; }

    public long Points { get; private set; }

    public long Transfers { get; private set; }
}

/// <summary>
/// A resident issued points (award or drop-off) from a community's pool in a Beijing month: one row per community,
/// month and resident, kept by the same trigger. A community's active residents of a month are one key range of it;
/// every other bill period reads <see cref="PointsActiveSpan"/>, kept from these rows.
/// </summary>
public sealed class PointsActive
{
    private PointsActive()
    {
    }

    public Guid CommunityId { get; private set; }

    public int Month { get; private set; }

    public Guid ResidentId { get; private set; }
}

/// <summary>
/// A resident issued points in a bill period of a scope: one row per (scope, span, resident), kept by triggers on
/// <c>points_active</c> (migration <c>ActiveSpans</c>; insert: the row's spans, ON CONFLICT DO NOTHING; delete: a span row
/// only when no <c>points_active</c> row of that resident remains inside that span and scope), so the active residents
/// of any bill period are a plain count over one key range (<see cref="PointsFacts"/>).
/// <see cref="ScopeId"/> is a community, or <see cref="District"/> for all communities; <see cref="Span"/> is encoded by
/// <see cref="ActiveSpans"/>: yyyymm a Beijing month (district scope only: a community's months are
/// <c>points_active</c> itself), yyyy*100+20+q a Beijing quarter (yyyy21…yyyy24), yyyy*100 the Beijing year (yyyy00).
/// </summary>
public sealed class PointsActiveSpan
{
    /// <summary>
    /// The district's scope (every community): all bits set, never a community id and never
    /// <see cref="PointsMonthly.NoCommunity"/> (<see cref="Guid.Empty"/>).
    /// </summary>
    public static readonly Guid District = Guid.AllBitsSet;

    private PointsActiveSpan()
    {
    }

    public Guid ScopeId { get; private set; }

    public int Span { get; private set; }

    public Guid ResidentId { get; private set; }
}

/// <summary>The <see cref="PointsActiveSpan.Span"/> encoding of Beijing months (yyyymm), quarters (yyyy*100+20+q) and years (yyyy*100).</summary>
public static class ActiveSpans
{
    public static int Month(int year, int month) => (year * 100) + month;

    public static int Quarter(int year, int quarter) => (year * 100) + 20 + quarter;

    public static int Year(int year) => year * 100;

    /// <summary>
    /// The span of the Beijing months [<paramref name="from"/>, <paramref name="to"/>) (each yyyymm): one month, a
    /// calendar quarter or a calendar year; null for any other range.
    /// </summary>
    public static int? Of(int from, int to)
    {
        var (year, month) = (from / 100, from % 100);
        return to == Plus(from, 1) ? from
            : month % 3 == 1 && to == Plus(from, 3) ? Quarter(year, ((month - 1) / 3) + 1)
            : month == 1 && to == Plus(from, 12) ? Year(year)
            : null;
    }

    /// <summary>yyyymm plus <paramref name="months"/> months.</summary>
    public static int Plus(int yyyymm, int months)
    {
        var index = (yyyymm / 100 * 12) + (yyyymm % 100) - 1 + months;
        return Month(index / 12, (index % 12) + 1);
    }
}

public sealed class PointsMonthlyConfiguration : IEntityTypeConfiguration<PointsMonthly>
{
    public void Configure(EntityTypeBuilder<PointsMonthly> builder)
    {
        builder.ToTable("points_monthly");
        builder.HasKey(x => new { x.Month, x.CommunityId, x.Kind });
    }
}

public sealed class PointsActiveConfiguration : IEntityTypeConfiguration<PointsActive>
{
    public void Configure(EntityTypeBuilder<PointsActive> builder)
    {
        builder.ToTable("points_active");
        builder.HasKey(x => new { x.CommunityId, x.Month, x.ResidentId });
        builder.HasIndex(x => new { x.Month, x.ResidentId });

        // The span delete check (migration ActiveSpans): does a row of this resident remain in a month range (of a community)?
        builder.HasIndex(x => new { x.ResidentId, x.Month, x.CommunityId });
    }
}

public sealed class PointsActiveSpanConfiguration : IEntityTypeConfiguration<PointsActiveSpan>
{
    public void Configure(EntityTypeBuilder<PointsActiveSpan> builder)
    {
        builder.ToTable("points_active_spans");
        builder.HasKey(x => new { x.ScopeId, x.Span, x.ResidentId });
    }
}
