using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;

public static class CreateRoadshowEndpoint
{
    /// <summary>Times are UTC (ISO 8601); the scoring window defaults to the start time and three hours after.</summary>
    public sealed record RoadshowRequest(
        string? Title, string? Description, string? Venue, DateTime? StartsAt, int? Capacity,
        DateTime? ScoringOpensAt, DateTime? ScoringClosesAt, IReadOnlyList<Guid>? ProjectIds)
    {
        public RoadshowCommand ToCommand() => new(Title, Description, Venue, StartsAt, Capacity, ScoringOpensAt, ScoringClosesAt, ProjectIds);
    }

    public static RouteGroupBuilder MapCreateRoadshow(this RouteGroupBuilder api)
    {
        api.MapPost("/roadshows", async (RoadshowRequest? body, HttpContext http, RoadshowEditor editor, RoadshowReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (body is null)
            {
                return ApiResults.Validation(ValidationErrors.Of("", "请求内容无法识别"), text);
            }

            var result = await editor.CreateAsync(body.ToCommand(), http.User, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            return TypedResults.Created($"/api/v1/roadshows/{result.Value!.Id}", await reader.FindAsync(result.Value.Id, ct));
        })
        .RequireAuthorization(Policies.Staff)
        .WithName("CreateRoadshow")
        .WithSummary("Organise a roadshow. Community staff: for their own community, with its published projects only. District admin: a district roadshow with any community's published projects. projectIds in pitching order.")
        .WithTags("Roadshows")
        .Produces<RoadshowDetails>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
