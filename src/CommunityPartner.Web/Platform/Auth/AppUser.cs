using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>
/// An account. The user name is the mainland mobile number. <see cref="CommunityId"/> is the home community of a
/// resident and the one community a staff member works for.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public Guid? CommunityId { get; set; }

    /// <summary>Version of the privacy notice the person agreed to, and when (PIPL consent record).</summary>
    public string? PrivacyConsentVersion { get; set; }

    public DateTime? PrivacyConsentAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
