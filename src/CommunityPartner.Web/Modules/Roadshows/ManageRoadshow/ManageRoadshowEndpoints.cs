using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.ManageRoadshow;

public static class ManageRoadshowEndpoints
{
    public sealed record ManageRequest(string? Reason);

    public static RouteGroupBuilder MapManageRoadshow(this RouteGroupBuilder api)
    {
        foreach (var move in ManageRoadshowHandler.Moves)
        {
            api.MapPost($"/roadshows/{{id:guid}}/{move}", async (Guid id, ManageRequest? body, HttpContext http, ManageRoadshowHandler handler, RoadshowReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new ManageRoadshowCommand(id, move, body?.Reason), http.User, ct);
                if (!result.IsOk)
                {
                    return ApiResults.From(result, text, _ => TypedResults.Ok());
                }

                return TypedResults.Ok(await reader.FindAsync(id, ct));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName(move switch
            {
                "open-scoring" => "OpenRoadshowScoring",
                "close-scoring" => "CloseRoadshowScoring",
                _ => "CancelRoadshow",
            })
            .WithSummary(move switch
            {
                "open-scoring" => "Open the scoring window now (the pitches begin). Organising staff or the district admin.",
                "close-scoring" => "Close the scoring window now: results become public.",
                _ => "Cancel an upcoming roadshow. Body: { reason } (required).",
            })
            .WithTags("Roadshows")
            .Produces<RoadshowDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return api;
    }
}
