using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Communities.Admin.CommunityOverview;

public static class MyCommunityEndpoint
{
    /// <summary>"My community's workspace" for a staff member: a stable link the home page and menus can use.</summary>
    public static IEndpointRouteBuilder MapMyCommunity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/my-community", async (HttpContext http, ICommunityDirectory directory, CancellationToken ct) =>
        {
            var id = http.User.CommunityId();
            var community = id is null ? null : await directory.FindByIdAsync(id.Value, ct);
            return community is null ? Results.Redirect("/") : Results.Redirect($"/admin/communities/{community.Code}");
        })
        .RequireAuthorization(Policies.Staff)
        .ExcludeFromDescription();
        return app;
    }
}
