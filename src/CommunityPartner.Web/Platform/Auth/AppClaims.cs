using System.Globalization;
using System.Security.Claims;

namespace CommunityPartner.Web.Platform.Auth;

public static class AppClaims
{
    public const string Community = "cp:community";
    public const string DisplayName = "cp:name";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? CommunityId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Community), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static string ToClaimValue(this Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
