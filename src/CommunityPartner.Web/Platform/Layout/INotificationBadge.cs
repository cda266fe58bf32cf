namespace CommunityPartner.Web.Platform.Layout;

/// <summary>The unread count the header shows; implemented by the notifications module.</summary>
public interface INotificationBadge
{
    Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken);
}
