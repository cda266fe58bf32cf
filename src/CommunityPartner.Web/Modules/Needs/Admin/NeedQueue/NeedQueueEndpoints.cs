using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Needs.Admin.NeedQueue;

public static class NeedQueueEndpoints
{
    public static RouteGroupBuilder MapNeedQueue(this RouteGroupBuilder api)
    {
        api.MapGet("/communities/{code}/needs/queue", async (string code, ICommunityDirectory communities, NeedQueueHandler handler, CancellationToken ct) =>
        {
            var community = await communities.FindByCodeAsync(code, ct);
            return community is null ? Results.NotFound() : Results.Ok(await handler.ListAsync(community.Id, ct));
        })
        .RequireCommunityScope("community", "code")
        .WithName("NeedQueue")
        .WithSummary("A community's open needs, most urgent first (staff of that community).")
        .WithTags("Needs")
        .Produces<IReadOnlyList<QueueItem>>();
        return api;
    }

    /// <summary>"My queue" for staff: a stable link for the home page.</summary>
    public static IEndpointRouteBuilder MapMyNeedQueue(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/needs", async (HttpContext http, ICommunityDirectory communities, CancellationToken ct) =>
        {
            var id = http.User.CommunityId();
            var community = id is null ? null : await communities.FindByIdAsync(id.Value, ct);
            return community is null ? Results.Redirect("/needs") : Results.Redirect($"/admin/communities/{community.Code}/needs");
        })
        .RequireAuthorization(Policies.Staff)
        .ExcludeFromDescription();
        return app;
    }
}
