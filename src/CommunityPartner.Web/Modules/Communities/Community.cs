using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Communities;

/// <summary>A community (社区) of the district. Its code is the stable handle used in addresses and the API.</summary>
public sealed partial class Community
{
    public const int NameMax = 30;
    public const int NameEnMax = 60;
    public const int DescriptionMax = 500;

    private Community()
    {
    }

    public Guid Id { get; private set; }

    public Guid DistrictId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Sample communities exist only in the demo data and say so wherever they are shown.</summary>
    public bool IsSample { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Community Create(Guid districtId, string code, string name, string? nameEn, string? description, bool isSample, DateTime now) =>
        new()
        {
            Id = Guid.NewGuid(),
            DistrictId = districtId,
            Code = code,
            Name = name,
            NameEn = nameEn,
            Description = description,
            IsSample = isSample,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Update(string name, string? nameEn, string? description, DateTime now)
    {
        Name = name;
        NameEn = nameEn;
        Description = description;
        UpdatedAt = now;
    }

    public object Snapshot() => new { Code, Name, NameEn, Description, IsSample };

    /// <summary>Shared by the create and edit use cases (page and API alike).</summary>
    public static ValidationErrors Validate(string? code, string? name, string? nameEn, string? description, bool checkCode)
    {
        var errors = new ValidationErrors();
        if (checkCode)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add("code", "请填写社区代码");
            }
            else if (!CodePattern().IsMatch(code))
            {
                errors.Add("code", "社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "请填写社区名称");
        }
        else if (name.Trim().Length > NameMax)
        {
            errors.Add("name", "社区名称不能超过 {0} 个字", NameMax);
        }

        if (nameEn?.Trim().Length > NameEnMax)
        {
            errors.Add("nameEn", "英文名称不能超过 {0} 个字符", NameEnMax);
        }

        if (description?.Trim().Length > DescriptionMax)
        {
            errors.Add("description", "简介不能超过 {0} 个字", DescriptionMax);
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

public sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.ToTable("communities_communities");
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(Community.NameMax);
        builder.Property(x => x.NameEn).HasMaxLength(Community.NameEnMax);
        builder.Property(x => x.Description).HasMaxLength(Community.DescriptionMax);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.Name).IsUnique();
        builder.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
