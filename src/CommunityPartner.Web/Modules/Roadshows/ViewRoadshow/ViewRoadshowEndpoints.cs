using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;

public static class ViewRoadshowEndpoints
{
    public static RouteGroupBuilder MapViewRoadshow(this RouteGroupBuilder api)
    {
        api.MapGet("/roadshows/{id:guid}", async (Guid id, RoadshowReader reader, CancellationToken ct) =>
            await reader.FindAsync(id, ct) is { } roadshow ? Results.Ok(roadshow) : Results.NotFound())
        .WithName("GetRoadshow")
        .WithSummary("One roadshow: the line-up in order (project title, community, link, interest count), phase, seats left, and results once scoring has closed (null before).")
        .WithTags("Roadshows")
        .Produces<RoadshowDetails>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/roadshows/{id:guid}/results", async (Guid id, RoadshowReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var roadshow = await reader.FindAsync(id, ct);
            if (roadshow is null)
            {
                return ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这场路演"]);
            }

            return roadshow.Results is { } results
                ? Results.Ok(results)
                : ApiResults.Problem(StatusCodes.Status409Conflict, text["评分结束后才公布结果，在此之前谁也看不到别人的评分"]);
        })
        .WithName("GetRoadshowResults")
        .WithSummary("Results per project after the scoring window closes: averages of need, feasibility, benefit and overall with counts, representatives apart from attendees, and anonymous comments. 409 before it closes.")
        .WithTags("Roadshows")
        .Produces<IReadOnlyList<ProjectResult>>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/roadshows/{id:guid}/me", async (Guid id, HttpContext http, RoadshowReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var roadshow = await reader.FindAsync(id, ct);
            return roadshow is null
                ? ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这场路演"])
                : Results.Ok(await reader.ViewerAsync(roadshow, http.User, ct));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetMyRoadshowStanding")
        .WithSummary("The signed-in person's seat, own scores (never anyone else's) and interests at a roadshow, and whether they may score or manage it.")
        .WithTags("Roadshows")
        .Produces<RoadshowViewer>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
