using System.Security.Claims;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Projects;

/// <summary>Who may run a project: staff of its community, and the district admin.</summary>
public static class ProjectPeople
{
    public static bool CanManage(ClaimsPrincipal user, Guid communityId) =>
        user.IsInRole(Roles.DistrictAdmin) || (user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == communityId);
}
