using System.Security.Claims;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows;

/// <summary>
/// Who may do what at a roadshow. Checked in the handlers rather than by a community-scope resolver, because a district
/// roadshow belongs to no community: only the district admin manages it.
/// </summary>
public sealed class RoadshowPeople(AppDbContext db)
{
    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.DistrictAdmin) || user.IsInRole(Roles.CommunityStaff);

    /// <summary>The district admin manages every roadshow; community staff those their own community organises.</summary>
    public static bool CanManage(ClaimsPrincipal user, Guid? organiserCommunityId) =>
        user.IsInRole(Roles.DistrictAdmin)
        || (organiserCommunityId is { } c && user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == c);

    /// <summary>The community a new roadshow of this user belongs to: staff → theirs; the district admin → none (district).</summary>
    public static Guid? OrganiserCommunityOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.DistrictAdmin) ? null : user.CommunityId();

    public static AttendeeKind KindOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Representative) ? AttendeeKind.Representative
        : user.IsInRole(Roles.PartnerMember) ? AttendeeKind.Partner
        : AttendeeKind.Resident;

    public static string KindKey(AttendeeKind kind) => kind switch
    {
        AttendeeKind.Representative => "两代表一委员",
        AttendeeKind.Partner => "合伙人",
        _ => "居民",
    };

    public static string PhaseCode(RoadshowPhase phase) => phase.ToString().ToLowerInvariant();

    public static string PhaseKey(RoadshowPhase phase) => phase switch
    {
        RoadshowPhase.Upcoming => "即将举行",
        RoadshowPhase.Scoring => "正在评分",
        RoadshowPhase.Closed => "已结束",
        _ => "已取消",
    };

    public Task<List<Guid>> StaffOfAsync(Guid communityId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join role in db.Roles on ur.RoleId equals role.Id
         where u.CommunityId == communityId && role.Name == Roles.CommunityStaff
         select u.Id).ToListAsync(ct);
}
