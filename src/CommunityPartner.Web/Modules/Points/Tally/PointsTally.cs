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
/// month and resident, kept by the same trigger, so active residents of any span of months are a distinct count of a few
/// thousand index entries.
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
    }
}
