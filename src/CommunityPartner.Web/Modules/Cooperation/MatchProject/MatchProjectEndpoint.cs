using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.MatchProject;

public sealed record MatchResult(Guid ProjectId, string Status, IReadOnlyList<AskCoverage> Asks);

public static class MatchProjectEndpoint
{
    public static RouteGroupBuilder MapMatchProject(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{id:guid}/match", async (Guid id, HttpContext http, MatchProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.MatchAsync(id, http.User, ct), text, asks => TypedResults.Ok(new MatchResult(id, "matched", asks))))
        .RequireCommunityScope("project", "id")
        .WithName("MatchProject")
        .WithSummary("The project's staff mark a recruiting project matched. Refused (409, naming them) while a key ask is not covered by signed intents: funding by the asked yuan, a service by the asked hours, a resource by any signed line.")
        .WithTags("Cooperation")
        .Produces<MatchResult>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
