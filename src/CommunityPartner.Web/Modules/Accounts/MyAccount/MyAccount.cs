using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Modules.Accounts.MyAccount;

public sealed record MyAccountDto(
    Guid Id, string Phone, string DisplayName, string? CommunityCode, string? CommunityName, IReadOnlyList<string> Roles,
    string? PrivacyConsentVersion, DateTime? PrivacyConsentAt, DateTime CreatedAt);

/// <summary>What the platform holds about the signed-in person, shown to that person only.</summary>
public sealed class MyAccountHandler(UserManager<AppUser> users, ICommunityDirectory communities)
{
    public async Task<MyAccountDto?> HandleAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }

        var community = user.CommunityId is { } id ? await communities.FindByIdAsync(id, ct) : null;
        var roles = await users.GetRolesAsync(user);
        return new MyAccountDto(user.Id, user.PhoneNumber ?? "", user.DisplayName, community?.Code, community?.DisplayName,
            [.. roles.Order(StringComparer.Ordinal)], user.PrivacyConsentVersion, user.PrivacyConsentAt, user.CreatedAt);
    }
}
