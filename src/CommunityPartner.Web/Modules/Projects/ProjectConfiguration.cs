using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Projects;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects_projects");
        builder.Property(x => x.Title).HasMaxLength(Project.TitleMax);
        builder.Property(x => x.Summary).HasMaxLength(Project.SummaryMax);
        builder.Property(x => x.Description).HasMaxLength(Project.DescriptionMax);
        builder.Property(x => x.Address).HasMaxLength(Project.AddressMax);
        builder.Property(x => x.UpkeepPlan).HasMaxLength(Project.UpkeepPlanMax);
        builder.Property(x => x.CancelReason).HasMaxLength(Project.ReasonMax);
        builder.Property(x => x.CompletionSummary).HasMaxLength(Project.CompletionMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsPublic);
        builder.Ignore(x => x.IsActive);
        builder.Ignore(x => x.LinkedNeedIds);
        builder.HasMany(x => x.Asks).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Milestones).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Needs).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Asks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Needs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Public list: newest published first, per community and status.
        builder.HasIndex(x => new { x.Status, x.PublishedAt, x.Id });
        builder.HasIndex(x => new { x.CommunityId, x.Status, x.PublishedAt, x.Id });
        builder.HasIndex(x => new { x.CategoryId, x.PublishedAt, x.Id });
    }
}

public sealed class ResourceNeedConfiguration : IEntityTypeConfiguration<ResourceNeed>
{
    public void Configure(EntityTypeBuilder<ResourceNeed> builder)
    {
        builder.ToTable("projects_resource_needs");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(ResourceNeed.TitleMax);
        builder.HasIndex(x => new { x.ProjectId, x.SortOrder });
    }
}

public sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        builder.ToTable("projects_milestones");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(ProjectMilestone.TitleMax);
        builder.Property(x => x.Note).HasMaxLength(ProjectMilestone.NoteMax);
        builder.HasIndex(x => new { x.ProjectId, x.SortOrder });
    }
}

public sealed class ProjectNeedConfiguration : IEntityTypeConfiguration<ProjectNeed>
{
    public void Configure(EntityTypeBuilder<ProjectNeed> builder)
    {
        builder.ToTable("projects_needs");
        builder.HasIndex(x => new { x.ProjectId, x.NeedId });
        builder.HasIndex(x => x.NeedId);
    }
}

public sealed class ProjectUpdateConfiguration : IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<ProjectUpdate> builder)
    {
        builder.ToTable("projects_updates");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(ProjectUpdate.TextMax);
        builder.HasIndex(x => new { x.ProjectId, x.At });
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectPhotoConfiguration : IEntityTypeConfiguration<ProjectPhoto>
{
    public void Configure(EntityTypeBuilder<ProjectPhoto> builder)
    {
        builder.ToTable("projects_photos");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ContentType).HasMaxLength(40);
        builder.Ignore(x => x.StoragePath);
        builder.HasIndex(x => new { x.ProjectId, x.UpdateId });
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> builder)
    {
        builder.ToTable("projects_events");
        builder.Property(x => x.Text).HasMaxLength(Project.CompletionMax + 100);
        builder.HasIndex(x => new { x.ProjectId, x.Id });
    }
}

public sealed class RunningCostRecordConfiguration : IEntityTypeConfiguration<RunningCostRecord>
{
    public void Configure(EntityTypeBuilder<RunningCostRecord> builder)
    {
        builder.ToTable("projects_running_costs");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Month).HasMaxLength(7);
        builder.Property(x => x.CorrectionReason).HasMaxLength(RunningCostRecord.ReasonMax);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.Figures);

        // One record per project and month: two staff recording the same month at once make one row.
        builder.HasIndex(x => new { x.ProjectId, x.Month }).IsUnique();
        builder.HasIndex(x => new { x.CommunityId, x.Month });
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
