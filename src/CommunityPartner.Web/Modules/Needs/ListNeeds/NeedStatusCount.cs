using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

/// <summary>
/// How many needs of one community and category are in one status: the list's status tabs read these few hundred rows
/// instead of counting a million needs. Database triggers on <c>needs_needs</c> keep them (created by the migration,
/// one set per provider), so every write path — handlers, seeds, bulk updates — counts, in the writer's transaction.
/// The app only reads them.
/// </summary>
public sealed class NeedStatusCount
{
    private NeedStatusCount()
    {
    }

    public Guid CommunityId { get; private set; }

    public Guid CategoryId { get; private set; }

    public NeedStatus Status { get; private set; }

    public int Count { get; private set; }
}

public sealed class NeedStatusCountConfiguration : IEntityTypeConfiguration<NeedStatusCount>
{
    /// <summary>The triggers on needs_needs that keep the counts (their SQL is in the NeedsStatusCounts migrations).</summary>
    public static readonly string[] Triggers = ["needs_status_counts_insert", "needs_status_counts_update", "needs_status_counts_delete"];

    public void Configure(EntityTypeBuilder<NeedStatusCount> builder)
    {
        builder.ToTable("needs_status_counts");
        builder.HasKey(x => new { x.CommunityId, x.CategoryId, x.Status });
    }
}
