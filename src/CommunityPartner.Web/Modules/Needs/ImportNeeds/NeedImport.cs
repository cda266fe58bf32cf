using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>
/// One imported file: a community's existing list, identified by the SHA-256 of its bytes. The unique (community,
/// hash) index makes an import happen once however often, or however concurrently, the same file is sent.
/// </summary>
public sealed class NeedImport
{
    public const int FileNameMax = 200;

    private NeedImport()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public int NeedCount { get; private set; }

    public Guid ImportedById { get; private set; }

    public DateTime ImportedAt { get; private set; }

    public static NeedImport Record(Guid id, Guid communityId, string contentHash, string fileName, int needCount, Guid staffId, DateTime now) => new()
    {
        Id = id,
        CommunityId = communityId,
        ContentHash = contentHash,
        FileName = fileName.Length > FileNameMax ? fileName[..FileNameMax] : fileName,
        NeedCount = needCount,
        ImportedById = staffId,
        ImportedAt = now,
    };
}

public sealed class NeedImportConfiguration : IEntityTypeConfiguration<NeedImport>
{
    public void Configure(EntityTypeBuilder<NeedImport> builder)
    {
        builder.ToTable("needs_imports");
        builder.Property(x => x.ContentHash).HasMaxLength(64);
        builder.Property(x => x.FileName).HasMaxLength(NeedImport.FileNameMax);
        builder.HasIndex(x => new { x.CommunityId, x.ContentHash }).IsUnique();
    }
}
