using CommunityPartner.Web.Modules.Projects.ViewProject;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.MoveProject;

public static class MoveProjectEndpoints
{
    /// <summary>Body of a move: what was done (complete) or why (cancel); ignored by the other moves.</summary>
    public sealed record MoveRequest(string? Text);

    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["publish"] = "Publish a draft: it starts recruiting partners and its needs move to in progress.",
        ["start"] = "Start work on a recruiting or matched project.",
        ["complete"] = "Complete a project in progress (text: what was done); its open needs are resolved and their raisers asked to rate.",
        ["operate"] = "A completed commercial or dual-wheel project starts operating.",
        ["cancel"] = "Cancel a project (text: the reason, shown publicly); needs it held go back to the community's queue.",
    };

    public static RouteGroupBuilder MapMoveProject(this RouteGroupBuilder api)
    {
        foreach (var move in MoveProjectHandler.Moves)
        {
            api.MapPost($"/projects/{{id:guid}}/{move}", async (Guid id, MoveRequest? body, HttpContext http, MoveProjectHandler handler, ProjectReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, move, body?.Text, http.User, ct);
                return result.IsOk ? TypedResults.Ok(await reader.FindAsync(id, http.User, ct)) : ApiResults.From(result, text, _ => TypedResults.Ok());
            })
            .RequireAuthorization(Policies.Staff)
            .RequireCommunityScope("project", "id")
            .WithName($"Project{char.ToUpperInvariant(move[0])}{move[1..]}")
            .WithSummary(Summaries[move])
            .WithTags("Projects")
            .Produces<ProjectDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return api;
    }
}
