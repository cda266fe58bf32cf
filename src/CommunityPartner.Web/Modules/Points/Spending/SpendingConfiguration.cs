using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Spending;

public sealed class MerchantItemConfiguration : IEntityTypeConfiguration<MerchantItem>
{
    public void Configure(EntityTypeBuilder<MerchantItem> builder)
    {
        builder.ToTable("points_items", t => t.HasCheckConstraint("ck_points_items_stock", "\"Stock\" >= 0 AND \"PointsPrice\" > 0"));
        builder.Property(x => x.Name).HasMaxLength(MerchantItem.NameMax);
        builder.HasIndex(x => new { x.PartnerId, x.CreatedAt });
    }
}

public sealed class ItemPhotoConfiguration : IEntityTypeConfiguration<ItemPhoto>
{
    public void Configure(EntityTypeBuilder<ItemPhoto> builder)
    {
        builder.ToTable("points_item_photos");
        builder.Property(x => x.ContentType).HasMaxLength(40);
        builder.HasIndex(x => x.ItemId);
        builder.HasOne<MerchantItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("points_redemptions");
        builder.Property(x => x.Code).HasMaxLength(Redemption.CodeLength);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => new { x.ResidentId, x.CreatedAt });
        builder.HasIndex(x => new { x.PartnerId, x.Status });
        builder.HasIndex(x => new { x.Status, x.ExpiresAt });
        builder.HasOne<MerchantItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
