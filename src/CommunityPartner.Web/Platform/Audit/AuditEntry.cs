using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Platform.Audit;

/// <summary>One state change (or one staff read of personal data): who, what, when, before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    /// <summary>A dotted verb such as <c>communities.create</c> or <c>accounts.sign-out</c>.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The community the change belongs to, so a community's log can be read on its own.</summary>
    public Guid? CommunityId { get; init; }

    /// <summary>JSON snapshot before the change (null for a creation or a read).</summary>
    public string? Before { get; init; }

    /// <summary>JSON snapshot after the change (null for a deletion or a read).</summary>
    public string? After { get; init; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("platform_audit_entries");
        builder.Property(x => x.Action).HasMaxLength(80);
        builder.Property(x => x.EntityType).HasMaxLength(80);
        builder.Property(x => x.EntityId).HasMaxLength(80);
        builder.HasIndex(x => new { x.EntityType, x.EntityId });
        builder.HasIndex(x => new { x.CommunityId, x.Id });
        builder.HasIndex(x => x.ActorId);
    }
}
