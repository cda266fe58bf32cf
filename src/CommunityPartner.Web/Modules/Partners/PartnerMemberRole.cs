using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners;

/// <summary>
/// Whoever becomes a member of a partner (by registering it or accepting an invitation) holds the partner-member role,
/// which opens the partner's pages and roadshow interest. The role row joins the caller's unit of work, so it is saved
/// with the membership or not at all; the next request picks it up (the security stamp is checked on every request).
/// </summary>
public static class PartnerMemberRole
{
    public static async Task GrantAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.PartnerMember).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (roleId is not { } id || await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == id, ct)
            || db.ChangeTracker.Entries<IdentityUserRole<Guid>>().Any(e => e.Entity.UserId == userId && e.Entity.RoleId == id))
        {
            return;
        }

        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = id });
    }
}
