using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("needs_needs", t =>
        {
            // The status counts' triggers (ListNeeds/NeedStatusCount). SQLite cannot combine AFTER triggers with the
            // RETURNING clause EF would otherwise use to save this table.
            foreach (var trigger in ListNeeds.NeedStatusCountConfiguration.Triggers)
            {
                t.HasTrigger(trigger);
            }

            // The tallies' change triggers (Tallies/NeedTally, ADR 0014).
            foreach (var trigger in Tallies.NeedTallyConfiguration.Triggers.Where(t => t.Contains("_need_", StringComparison.Ordinal)))
            {
                t.HasTrigger(trigger);
            }

            // The overdue days' triggers (Tallies/NeedOverdueDay).
            foreach (var trigger in Tallies.NeedOverdueDayConfiguration.Triggers)
            {
                t.HasTrigger(trigger);
            }

            t.UseSqlReturningClause(false);
        });
        builder.Property(x => x.Title).HasMaxLength(Need.TitleMax);
        builder.Property(x => x.Description).HasMaxLength(Need.DescriptionMax);
        builder.Property(x => x.Address).HasMaxLength(Need.AddressMax);
        builder.Property(x => x.ResolutionText).HasMaxLength(Need.AnswerMax);
        builder.Property(x => x.RejectionReason).HasMaxLength(Need.AnswerMax);
        builder.Property(x => x.SearchText).HasMaxLength(Need.TitleMax + Need.DescriptionMax + Need.AddressMax + 2);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.HasOne<NeedCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Ratings).WithOne().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.SearchGrams).WithOne().HasForeignKey(g => g.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.SearchGrams).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Keyset pages of the public list: newest first, per community, per status, per category.
        builder.HasIndex(x => new { x.SubmittedAt, x.Id });
        builder.HasIndex(x => new { x.CommunityId, x.SubmittedAt, x.Id });
        builder.HasIndex(x => new { x.CommunityId, x.Status, x.SubmittedAt, x.Id });
        builder.HasIndex(x => new { x.CategoryId, x.SubmittedAt, x.Id });
        builder.HasIndex(x => new { x.Status, x.SubmittedAt, x.Id });
        builder.HasIndex(x => x.RaiserId);
        builder.HasIndex(x => x.ProjectId);
        builder.HasIndex(x => x.ImportId);

        // The dashboard's overdue counts (NeedFacts.OverdueCountsAsync) as two range scans over open needs only: past the
        // resolution deadline; or never answered, past the response deadline, not yet past the resolution deadline.
        builder.HasIndex(x => new { x.ResolveBy, x.CommunityId }, "IX_needs_needs_open_resolve_by")
            .HasFilter("\"Status\" IN (0, 1, 2)");
        builder.HasIndex(x => new { x.RespondBy, x.ResolveBy, x.CommunityId }, "IX_needs_needs_unanswered_respond_by")
            .HasFilter("\"Status\" IN (0, 1, 2) AND \"FirstRespondedAt\" IS NULL");
    }
}

public sealed class NeedEventConfiguration : IEntityTypeConfiguration<NeedEvent>
{
    public void Configure(EntityTypeBuilder<NeedEvent> builder)
    {
        builder.ToTable("needs_events");
        builder.Property(x => x.Text).HasMaxLength(Need.AnswerMax + 100);
        builder.HasIndex(x => new { x.NeedId, x.Id });
    }
}

public sealed class NeedSupportConfiguration : IEntityTypeConfiguration<NeedSupport>
{
    public void Configure(EntityTypeBuilder<NeedSupport> builder)
    {
        builder.ToTable("needs_supports");
        builder.HasKey(x => new { x.NeedId, x.UserId });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedRatingConfiguration : IEntityTypeConfiguration<NeedRating>
{
    public void Configure(EntityTypeBuilder<NeedRating> builder)
    {
        builder.ToTable("needs_ratings", t =>
        {
            // The tallies' change triggers (Tallies/NeedTally, ADR 0014); SQLite cannot combine them with RETURNING.
            foreach (var trigger in Tallies.NeedTallyConfiguration.Triggers.Where(t => t.Contains("_rating_", StringComparison.Ordinal)))
            {
                t.HasTrigger(trigger);
            }

            t.UseSqlReturningClause(false);
        });
        builder.Property(x => x.Comment).HasMaxLength(NeedRating.CommentMax);
        builder.HasIndex(x => new { x.NeedId, x.Round }).IsUnique();
    }
}

public sealed class NeedPhotoConfiguration : IEntityTypeConfiguration<NeedPhoto>
{
    public void Configure(EntityTypeBuilder<NeedPhoto> builder)
    {
        builder.ToTable("needs_photos");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ContentType).HasMaxLength(40);
        builder.HasIndex(x => x.NeedId);
        builder.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
