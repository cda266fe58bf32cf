namespace CommunityPartner.Web.Modules.Accounts;

/// <summary>The privacy notice people agree to when registering; a new text gets a new version.</summary>
public static class PrivacyNotice
{
    public const string CurrentVersion = "2025-06";
}
