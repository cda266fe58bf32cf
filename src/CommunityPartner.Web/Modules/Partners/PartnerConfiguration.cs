using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Partners;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners_partners");
        builder.Property(x => x.Name).HasMaxLength(Partner.NameMax);
        builder.Property(x => x.CreditCode).HasMaxLength(CreditCode.Length);
        builder.Property(x => x.ContactName).HasMaxLength(Partner.ContactNameMax);
        builder.Property(x => x.ContactPhone).HasMaxLength(20);
        builder.Property(x => x.Introduction).HasMaxLength(Partner.IntroductionMax);
        builder.Property(x => x.RejectReason).HasMaxLength(Partner.ReasonMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOrganisation);

        // One registration per organisation: the same credit code cannot be registered twice.
        builder.HasIndex(x => x.CreditCode).IsUnique();
        builder.HasIndex(x => new { x.Status, x.Type });
        builder.HasMany(x => x.Strengths).WithOne().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Communities).WithOne().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Members).WithOne().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Strengths).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Communities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PartnerStrengthConfiguration : IEntityTypeConfiguration<PartnerStrength>
{
    public void Configure(EntityTypeBuilder<PartnerStrength> builder)
    {
        builder.ToTable("partners_strengths");
        builder.HasKey(x => new { x.PartnerId, x.Code });
        builder.Property(x => x.Code).HasMaxLength(30);
        builder.HasIndex(x => x.Code);
    }
}

public sealed class PartnerCommunityConfiguration : IEntityTypeConfiguration<PartnerCommunity>
{
    public void Configure(EntityTypeBuilder<PartnerCommunity> builder)
    {
        builder.ToTable("partners_communities");
        builder.HasKey(x => new { x.PartnerId, x.CommunityId });
        builder.HasIndex(x => x.CommunityId);
    }
}

public sealed class PartnerMemberConfiguration : IEntityTypeConfiguration<PartnerMember>
{
    public void Configure(EntityTypeBuilder<PartnerMember> builder)
    {
        builder.ToTable("partners_members");
        builder.HasKey(x => new { x.PartnerId, x.UserId });
        builder.HasIndex(x => x.UserId);
    }
}
