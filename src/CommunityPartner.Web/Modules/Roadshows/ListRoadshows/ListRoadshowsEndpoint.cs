using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;

namespace CommunityPartner.Web.Modules.Roadshows.ListRoadshows;

public static class ListRoadshowsEndpoint
{
    public static RouteGroupBuilder MapListRoadshows(this RouteGroupBuilder api)
    {
        api.MapGet("/roadshows", async (RoadshowReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(ct)))
        .WithName("ListRoadshows")
        .WithSummary("Roadshows: upcoming and scoring ones first (soonest first), then past and cancelled ones (latest first), up to 50 each.")
        .WithTags("Roadshows")
        .Produces<RoadshowList>();
        return api;
    }
}
