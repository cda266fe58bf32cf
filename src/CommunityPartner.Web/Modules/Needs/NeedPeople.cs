using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs;

/// <summary>Who is concerned by a need: its raiser and supporters (told of changes), its community's staff.</summary>
public sealed class NeedPeople(AppDbContext db)
{
    public async Task<List<Guid>> FollowersAsync(Guid needId, Guid? raiserId, CancellationToken ct)
    {
        var supporters = await db.Set<NeedSupport>().Where(s => s.NeedId == needId).Select(s => s.UserId).ToListAsync(ct);
        if (raiserId is { } r)
        {
            supporters.Add(r);
        }

        return supporters;
    }

    public Task<List<Guid>> StaffOfAsync(Guid communityId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join role in db.Roles on ur.RoleId equals role.Id
         where u.CommunityId == communityId && role.Name == Roles.CommunityStaff
         select u.Id).ToListAsync(ct);

    public static bool CanAnswer(System.Security.Claims.ClaimsPrincipal user, Guid communityId) =>
        user.IsInRole(Roles.DistrictAdmin) || (user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == communityId);
}
