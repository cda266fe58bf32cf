using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Ledger;

public sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> builder)
    {
        // The last line of defence: even a buggy update cannot leave a resident, merchant or held balance negative.
        builder.ToTable("points_accounts", t => t.HasCheckConstraint("ck_points_accounts_balance", "\"Kind\" = 2 OR \"Balance\" >= 0"));
        builder.HasIndex(x => new { x.Kind, x.OwnerId }).IsUnique();
    }
}

public sealed class PointsTransferConfiguration : IEntityTypeConfiguration<PointsTransfer>
{
    public void Configure(EntityTypeBuilder<PointsTransfer> builder)
    {
        builder.ToTable("points_transfers", t =>
        {
            t.HasCheckConstraint("ck_points_transfers_amount", "\"Amount\" > 0");
            t.HasCheckConstraint("ck_points_transfers_accounts", "\"FromAccountId\" <> \"ToAccountId\"");
        });
        builder.Property(x => x.ReferenceType).HasMaxLength(30);
        builder.Property(x => x.ReferenceId).HasMaxLength(60);
        builder.Property(x => x.Reason).HasMaxLength(PointsTransfer.ReasonMax);
        builder.Property(x => x.IdempotencyKey).HasMaxLength(PointsTransfer.KeyMax);
        builder.Property(x => x.RequestHash).HasMaxLength(64);
        builder.HasIndex(x => x.IdempotencyKey).IsUnique();
        builder.HasIndex(x => new { x.FromAccountId, x.Id });
        builder.HasIndex(x => new { x.ToAccountId, x.Id });
        builder.HasIndex(x => new { x.ReferenceType, x.ReferenceId });
        // The points tally's UPDATE/DELETE triggers (migration PointsTally) ask whether a resident still has an award or
        // drop-off from that pool in that Beijing month before removing its points_active row: one range of this index.
        builder.HasIndex(x => new { x.ToAccountId, x.FromAccountId, x.At }).HasFilter("\"Kind\" IN (0, 1)");
        builder.HasOne<PointsAccount>().WithMany().HasForeignKey(x => x.FromAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PointsAccount>().WithMany().HasForeignKey(x => x.ToAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
