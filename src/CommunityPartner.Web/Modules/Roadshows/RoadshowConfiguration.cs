using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Roadshows;

public sealed class RoadshowConfiguration : IEntityTypeConfiguration<Roadshow>
{
    public void Configure(EntityTypeBuilder<Roadshow> builder)
    {
        builder.ToTable("roadshows_roadshows", t => t.HasCheckConstraint("ck_roadshows_rsvp_count", "\"RsvpCount\" >= 0 AND \"RsvpCount\" <= \"Capacity\""));
        builder.Property(x => x.Title).HasMaxLength(Roadshow.TitleMax);
        builder.Property(x => x.Description).HasMaxLength(Roadshow.DescriptionMax);
        builder.Property(x => x.Venue).HasMaxLength(Roadshow.VenueMax);
        builder.Property(x => x.CancelReason).HasMaxLength(Roadshow.ReasonMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasMany(x => x.Lineup).WithOne().HasForeignKey(s => s.RoadshowId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Lineup).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(x => new { x.StartsAt, x.Id });
        builder.HasIndex(x => x.OrganiserCommunityId);
    }
}

public sealed class RoadshowSlotConfiguration : IEntityTypeConfiguration<RoadshowSlot>
{
    public void Configure(EntityTypeBuilder<RoadshowSlot> builder)
    {
        builder.ToTable("roadshows_lineup");
        builder.HasKey(x => new { x.RoadshowId, x.ProjectId });
        builder.HasIndex(x => x.ProjectId);
    }
}

public sealed class RoadshowRsvpConfiguration : IEntityTypeConfiguration<RoadshowRsvp>
{
    public void Configure(EntityTypeBuilder<RoadshowRsvp> builder)
    {
        builder.ToTable("roadshows_rsvps");
        builder.HasKey(x => new { x.RoadshowId, x.UserId });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Roadshow>().WithMany().HasForeignKey(x => x.RoadshowId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoadshowScoreConfiguration : IEntityTypeConfiguration<RoadshowScore>
{
    public void Configure(EntityTypeBuilder<RoadshowScore> builder)
    {
        builder.ToTable("roadshows_scores", t => t.HasCheckConstraint(
            "ck_roadshows_scores_range",
            "\"NeedScore\" BETWEEN 1 AND 5 AND \"Feasibility\" BETWEEN 1 AND 5 AND \"Benefit\" BETWEEN 1 AND 5"));
        builder.HasKey(x => new { x.RoadshowId, x.ProjectId, x.ScorerId });
        builder.Property(x => x.Comment).HasMaxLength(RoadshowScore.CommentMax);
        builder.HasIndex(x => x.ScorerId);
        builder.HasOne<Roadshow>().WithMany().HasForeignKey(x => x.RoadshowId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoadshowInterestConfiguration : IEntityTypeConfiguration<RoadshowInterest>
{
    public void Configure(EntityTypeBuilder<RoadshowInterest> builder)
    {
        builder.ToTable("roadshows_interests");
        builder.HasKey(x => new { x.RoadshowId, x.ProjectId, x.UserId });
        builder.HasIndex(x => new { x.ProjectId, x.At });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Roadshow>().WithMany().HasForeignKey(x => x.RoadshowId).OnDelete(DeleteBehavior.Cascade);
    }
}
