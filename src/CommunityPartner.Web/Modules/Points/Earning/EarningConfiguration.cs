using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Points.Earning;

public sealed class EarnRuleConfiguration : IEntityTypeConfiguration<EarnRule>
{
    public void Configure(EntityTypeBuilder<EarnRule> builder)
    {
        builder.ToTable("points_earn_rules", t => t.HasCheckConstraint("ck_points_earn_rules_points", "\"Points\" > 0 AND \"DailyCap\" >= \"Points\""));
        builder.Property(x => x.ActivityType).HasMaxLength(EarnRule.ActivityTypeMax);
        builder.Property(x => x.Name).HasMaxLength(EarnRule.NameMax);
        builder.HasIndex(x => new { x.CommunityId, x.ActivityType }).IsUnique();
    }
}

public sealed class DailyEarningConfiguration : IEntityTypeConfiguration<DailyEarning>
{
    public void Configure(EntityTypeBuilder<DailyEarning> builder)
    {
        builder.ToTable("points_daily_earnings", t => t.HasCheckConstraint("ck_points_daily_earnings_points", "\"Points\" >= 0"));
        builder.HasKey(x => new { x.UserId, x.CommunityId, x.ActivityType, x.Day });
        builder.Property(x => x.ActivityType).HasMaxLength(EarnRule.ActivityTypeMax);
        builder.Property(x => x.Day).HasMaxLength(10);
    }
}

public sealed class PointsActivityConfiguration : IEntityTypeConfiguration<PointsActivity>
{
    public void Configure(EntityTypeBuilder<PointsActivity> builder)
    {
        builder.ToTable("points_activities", t => t.HasCheckConstraint("ck_points_activities_window", "\"EndsAt\" > \"StartsAt\""));
        builder.Property(x => x.Title).HasMaxLength(PointsActivity.TitleMax);
        builder.Property(x => x.ActivityType).HasMaxLength(EarnRule.ActivityTypeMax);
        builder.Property(x => x.Code).HasMaxLength(PointsActivity.CodeLength);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => new { x.CommunityId, x.StartsAt });
    }
}

public sealed class ActivityCheckInConfiguration : IEntityTypeConfiguration<ActivityCheckIn>
{
    public void Configure(EntityTypeBuilder<ActivityCheckIn> builder)
    {
        builder.ToTable("points_activity_checkins");
        builder.HasKey(x => new { x.ActivityId, x.UserId });
        builder.HasOne<PointsActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
