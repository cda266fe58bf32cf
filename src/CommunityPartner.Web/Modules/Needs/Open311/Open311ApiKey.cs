using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>
/// A key the district admin issues to another civic tool so it may POST service requests through Open311. Only a
/// hash is stored; the key itself is shown once, when issued.
/// </summary>
public sealed class Open311ApiKey
{
    public const int NameMax = 60;

    private Open311ApiKey()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Who the key is for, e.g. "12345 热线对接".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key, to recognise it in the list.</summary>
    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Makes a new key; returns the entity and the plain key to show once.</summary>
    public static (Open311ApiKey Key, string Plain) Issue(string name, Guid? createdBy, DateTime now)
    {
        var plain = "cp311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new Open311ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = plain[..12],
            Hash = HashOf(plain),
            CreatedAt = now,
            CreatedById = createdBy,
        }, plain);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string HashOf(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
}

public sealed class Open311ApiKeyConfiguration : IEntityTypeConfiguration<Open311ApiKey>
{
    public void Configure(EntityTypeBuilder<Open311ApiKey> builder)
    {
        builder.ToTable("needs_open311_keys");
        builder.Property(x => x.Name).HasMaxLength(Open311ApiKey.NameMax);
        builder.Property(x => x.Prefix).HasMaxLength(12);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.Ignore(x => x.IsActive);
        builder.HasIndex(x => x.Hash).IsUnique();
    }
}
