using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs;

/// <summary>
/// A kind of need, with its own 民呼我应 deadlines. The eight defaults ship in the first migration; the district
/// admin renames them, changes deadlines, adds or retires categories.
/// </summary>
public sealed class NeedCategory
{
    public const int DefaultResponseHours = 24;
    public const int DefaultResolutionDays = 15;

    private NeedCategory()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable handle; the Open311 service_code.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int ResponseHours { get; private set; } = DefaultResponseHours;

    public int ResolutionDays { get; private set; } = DefaultResolutionDays;

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static NeedCategory Create(Guid id, string code, string name, string nameEn, int sortOrder, int responseHours = DefaultResponseHours, int resolutionDays = DefaultResolutionDays) =>
        new() { Id = id, Code = code, Name = name, NameEn = nameEn, SortOrder = sortOrder, ResponseHours = responseHours, ResolutionDays = resolutionDays };

    public void Update(string name, string nameEn, int responseHours, int resolutionDays, int sortOrder, bool isActive)
    {
        Name = name;
        NameEn = nameEn;
        ResponseHours = responseHours;
        ResolutionDays = resolutionDays;
        SortOrder = sortOrder;
        IsActive = isActive;
    }

    public string DisplayName => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;

    public object Snapshot() => new { Code, Name, NameEn, ResponseHours, ResolutionDays, SortOrder, IsActive };

    internal static readonly NeedCategory[] Defaults =
    [
        Create(new Guid("6e1d0001-0000-4000-8000-000000000001"), "sanitation", "环境卫生", "Sanitation", 1),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000002"), "repairs", "设施维修", "Repairs", 2),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000003"), "elderly-care", "养老服务", "Elderly care", 3),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000004"), "children", "儿童关爱", "Children", 4),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000005"), "parking-traffic", "停车交通", "Parking & traffic", 5),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000006"), "safety", "安全隐患", "Safety hazards", 6),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000007"), "culture-sports", "文体活动", "Culture & sports", 7),
        Create(new Guid("6e1d0001-0000-4000-8000-000000000008"), "other", "其他", "Other", 8),
    ];
}

public sealed class NeedCategoryConfiguration : IEntityTypeConfiguration<NeedCategory>
{
    public void Configure(EntityTypeBuilder<NeedCategory> builder)
    {
        builder.ToTable("needs_categories");
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(20);
        builder.Property(x => x.NameEn).HasMaxLength(40);
        builder.Ignore(x => x.DisplayName);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasData(NeedCategory.Defaults);
    }
}
