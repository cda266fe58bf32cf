using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>The two sides of an offer as the viewer stands to them: a member of the offering partner, the project's community staff, or neither.</summary>
public sealed record Parties(PartnerCard Partner, bool IsMember, bool IsStaff)
{
    public bool IsParty => IsMember || IsStaff;
}

/// <summary>
/// Who may act on offers and intents: members of the offering partner on one side; on the other the project's
/// community staff and the district admin (the same rule the projects module uses for who manages a project).
/// </summary>
public sealed class CooperationPeople(AppDbContext db, IPartnerRoster partners)
{
    public static bool IsStaffOf(ClaimsPrincipal user, Guid communityId) =>
        user.IsInRole(Roles.DistrictAdmin) || (user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == communityId);

    public async Task<Parties?> PartiesAsync(Guid partnerId, Guid communityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = await partners.FindAsync(partnerId, ct);
        if (partner is null)
        {
            return null;
        }

        var isMember = user.UserId() is { } userId && partner.MemberIds.Contains(userId);
        return new Parties(partner, isMember, IsStaffOf(user, communityId));
    }

    /// <summary>Community staff of the community, who hear of partners' moves.</summary>
    public Task<List<Guid>> StaffOfAsync(Guid communityId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join role in db.Roles on ur.RoleId equals role.Id
         where u.CommunityId == communityId && role.Name == Roles.CommunityStaff
         select u.Id).ToListAsync(ct);

    /// <summary>Display names of the given people, for threads and confirmations shown to the two sides.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
