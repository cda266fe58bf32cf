using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.Tallies;

/// <summary>
/// How many open needs of one community become overdue on one UTC day: the day of a need's first missed deadline —
/// its response deadline while it is unanswered and that deadline comes first, else its resolution deadline
/// (<see cref="OverdueSince"/>). Database triggers on <c>needs_needs</c> keep these rows in the writer's transaction
/// (created by the <c>OverdueDays</c> migration, one set per provider), so the dashboard's overdue count is the sum of
/// the days before today plus today's few needs counted exactly (<see cref="NeedFacts.OverdueCountsAsync"/>), whatever
/// the number of overdue needs. The app only reads them.
/// </summary>
public sealed class NeedOverdueDay
{
    private NeedOverdueDay()
    {
    }

    public Guid CommunityId { get; private set; }

    /// <summary>The UTC day as yyyymmdd (20250401).</summary>
    public int Day { get; private set; }

    /// <summary>Open needs whose first missed deadline falls on the day; rows that reach 0 stay.</summary>
    public int Count { get; private set; }

    /// <summary>The yyyymmdd key of the UTC day an instant falls in.</summary>
    public static int DayOf(DateTime utc) => (utc.Year * 10000) + (utc.Month * 100) + utc.Day;

    /// <summary>
    /// When an open need becomes overdue (<see cref="Need.IsResponseOverdue"/> or <see cref="Need.IsResolutionOverdue"/>
    /// after this instant): the earlier of its deadlines that can still be missed. The triggers compute the same.
    /// </summary>
    public static DateTime OverdueSince(DateTime respondBy, DateTime resolveBy, DateTime? firstRespondedAt) =>
        firstRespondedAt is null && respondBy < resolveBy ? respondBy : resolveBy;
}

public sealed class NeedOverdueDayConfiguration : IEntityTypeConfiguration<NeedOverdueDay>
{
    /// <summary>The triggers on needs_needs that keep the rows (their SQL is in the OverdueDays migrations).</summary>
    public static readonly string[] Triggers = ["needs_overdue_days_insert", "needs_overdue_days_update", "needs_overdue_days_delete"];

    public void Configure(EntityTypeBuilder<NeedOverdueDay> builder)
    {
        builder.ToTable("needs_overdue_days");
        builder.HasKey(x => new { x.CommunityId, x.Day });
    }
}
