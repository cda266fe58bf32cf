using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Cooperation;

public sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("cooperation_offers");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.DeclineReason).HasMaxLength(Offer.ReasonMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.ProjectId, x.Status });
        builder.HasIndex(x => new { x.CommunityId, x.Status });
        builder.HasIndex(x => x.PartnerId);
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OfferLineConfiguration : IEntityTypeConfiguration<OfferLine>
{
    public void Configure(EntityTypeBuilder<OfferLine> builder)
    {
        builder.ToTable("cooperation_offer_lines");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.What).HasMaxLength(OfferLineDraft.WhatMax);
    }
}

public sealed class OfferMessageConfiguration : IEntityTypeConfiguration<OfferMessage>
{
    public void Configure(EntityTypeBuilder<OfferMessage> builder)
    {
        builder.ToTable("cooperation_offer_messages");
        builder.Property(x => x.Text).HasMaxLength(2000);
        builder.HasIndex(x => new { x.OfferId, x.At });
    }
}

public sealed class CooperationIntentConfiguration : IEntityTypeConfiguration<CooperationIntent>
{
    public void Configure(EntityTypeBuilder<CooperationIntent> builder)
    {
        builder.ToTable("cooperation_intents");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsSigned);
        builder.Ignore(x => x.Current);
        builder.Ignore(x => x.SignedVersion);

        // One intent per offer: two staff accepting at once cannot make two.
        builder.HasIndex(x => x.OfferId).IsUnique();
        builder.HasIndex(x => x.ProjectId);
        builder.HasIndex(x => x.PartnerId);
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.IntentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class IntentVersionConfiguration : IEntityTypeConfiguration<IntentVersion>
{
    public void Configure(EntityTypeBuilder<IntentVersion> builder)
    {
        builder.ToTable("cooperation_intent_versions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => new { x.IntentId, x.Number }).IsUnique();
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class IntentLineConfiguration : IEntityTypeConfiguration<IntentLine>
{
    public void Configure(EntityTypeBuilder<IntentLine> builder)
    {
        builder.ToTable("cooperation_intent_lines");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.What).HasMaxLength(OfferLineDraft.WhatMax);
        builder.HasIndex(x => x.NeedId);
    }
}
