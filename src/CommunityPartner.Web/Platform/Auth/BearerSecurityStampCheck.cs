using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>
/// Bearer tokens carry the security stamp; a token issued before the account signed out everywhere (or changed its
/// password, or was locked) stops working at once, as the cookie does.
/// </summary>
public sealed class BearerSecurityStampCheck(SignInManager<AppUser> signIn)
{
    public async Task<bool> IsCurrentAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true
            || !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return await signIn.ValidateSecurityStampAsync(http.User) is not null;
    }

    public static IApplicationBuilder UseBearerSecurityStampCheck(IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var check = http.RequestServices.GetRequiredService<BearerSecurityStampCheck>();
            if (!await check.IsCurrentAsync(http))
            {
                http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }

            await next(http);
        });
}
