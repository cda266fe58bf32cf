using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.ScoreProject;

public static class ScoreProjectEndpoint
{
    public sealed record ScoreRequest(Guid? ProjectId, int? Need, int? Feasibility, int? Benefit, string? Comment);

    public static RouteGroupBuilder MapScoreProject(this RouteGroupBuilder api)
    {
        api.MapPost("/roadshows/{id:guid}/scores", async (Guid id, ScoreRequest? body, HttpContext http, ScoreProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var command = new ScoreProjectCommand(id, body?.ProjectId, body?.Need, body?.Feasibility, body?.Benefit, body?.Comment);
            var result = await handler.HandleAsync(command, http.User, ct);
            return ApiResults.From(result, text, r => r.Created ? TypedResults.Created($"/api/v1/roadshows/{id}/me", r) : (IResult)TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ScoreRoadshowProject")
        .WithSummary("Score a project of the line-up 1–5 on need, feasibility and benefit, with an optional comment, during the scoring window. Attendees with a seat and representatives only. A second score replaces the first (201 then 200).")
        .WithTags("Roadshows")
        .Produces<ScoreResult>(StatusCodes.Status201Created)
        .Produces<ScoreResult>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
