using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPartner.Web.Modules.Notifications;

/// <summary>
/// An in-app message to one person. The text is a localization key with arguments, so it reads in whichever
/// language the person uses when they open it.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(Guid userId, string textKey, IReadOnlyList<string> args, string link, DateTime createdAt)
    {
        UserId = userId;
        TextKey = textKey;
        ArgsJson = JsonSerializer.Serialize(args);
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TextKey { get; private set; } = "";

    public string ArgsJson { get; private set; } = "[]";

    public string Link { get; private set; } = "/";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public string[] Args => JsonSerializer.Deserialize<string[]>(ArgsJson) ?? [];

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications_notifications");
        builder.Property(x => x.TextKey).HasMaxLength(200);
        builder.Property(x => x.ArgsJson).HasMaxLength(2000);
        builder.Property(x => x.Link).HasMaxLength(300);
        builder.Ignore(x => x.Args);
        builder.HasIndex(x => new { x.UserId, x.Id });
        builder.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}
