using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary>Once per resident account and expiry month: the one-month-ahead warning was sent.</summary>
public sealed class ExpiryNotice
{
    private ExpiryNotice()
    {
    }

    public Guid AccountId { get; private set; }

    /// <summary>The month the points expire in, yyyy-MM (China time).</summary>
    public string Month { get; private set; } = "";

    public DateTime SentAt { get; private set; }

    public static ExpiryNotice Sent(Guid accountId, string month, DateTime now) => new() { AccountId = accountId, Month = month, SentAt = now };
}

public sealed class ExpiryNoticeConfiguration : IEntityTypeConfiguration<ExpiryNotice>
{
    public void Configure(EntityTypeBuilder<ExpiryNotice> builder)
    {
        builder.ToTable("points_expiry_notices");
        builder.HasKey(x => new { x.AccountId, x.Month });
        builder.Property(x => x.Month).HasMaxLength(7);
    }
}
