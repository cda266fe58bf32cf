using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Cooperation.RecordDelivery;

public sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("cooperation_deliveries");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(Delivery.NoteMax);
        builder.Property(x => x.DisputeReason).HasMaxLength(Delivery.ReasonMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.IntentId, x.RecordedAt });
        builder.HasIndex(x => new { x.ProjectId, x.Status });
        builder.HasIndex(x => x.LineId);
    }
}
