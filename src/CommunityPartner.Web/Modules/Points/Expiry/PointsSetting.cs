using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary>The district's points policy as the district admin set it: one row; absent until first set (then the configured default applies).</summary>
public sealed class PointsSetting
{
    public const int Id1 = 1;
    public const int MinMonths = 1;
    public const int MaxMonths = 120;

    private PointsSetting()
    {
    }

    public int Id { get; private set; }

    /// <summary>Points expire this many months after they were earned.</summary>
    public int ExpiryMonths { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public static PointsSetting Create(int expiryMonths, Guid by, DateTime now)
    {
        var s = new PointsSetting { Id = Id1 };
        s.Change(expiryMonths, by, now);
        return s;
    }

    public void Change(int expiryMonths, Guid by, DateTime now)
    {
        if (expiryMonths is < MinMonths or > MaxMonths)
        {
            throw new DomainException("积分有效期应在 1 到 120 个月之间");
        }

        ExpiryMonths = expiryMonths;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public object Snapshot() => new { ExpiryMonths };
}

public sealed class PointsSettingConfiguration : IEntityTypeConfiguration<PointsSetting>
{
    public void Configure(EntityTypeBuilder<PointsSetting> builder)
    {
        builder.ToTable("points_settings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
    }
}
