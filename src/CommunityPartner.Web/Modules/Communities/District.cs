using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Communities;

/// <summary>The new district whose Party working committee oversees every community.</summary>
public sealed class District
{
    private District()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public static District Create(string code, string name, string nameEn) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = name, NameEn = nameEn };
}

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("communities_districts");
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(60);
        builder.Property(x => x.NameEn).HasMaxLength(120);
        builder.HasIndex(x => x.Code).IsUnique();
    }
}
