using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Modules.Accounts.SignOut;

/// <summary>
/// Ends every session of the account, not just this browser's cookie: the security stamp changes, so an old cookie
/// or token fails its next check (see AuthServices, validation interval zero).
/// </summary>
public sealed class SignOutHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, AppDbContext db)
{
    public async Task HandleAsync(HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            audit.Record("accounts.sign-out", nameof(AppUser), user.Id, null, null, user.CommunityId, user.Id);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await signIn.SignOutAsync();
        }
    }
}
