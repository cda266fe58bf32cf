using CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;
using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.EditRoadshow;

public static class EditRoadshowEndpoint
{
    public static RouteGroupBuilder MapEditRoadshow(this RouteGroupBuilder api)
    {
        api.MapPut("/roadshows/{id:guid}", async (Guid id, CreateRoadshowEndpoint.RoadshowRequest? body, HttpContext http, RoadshowEditor editor, RoadshowReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (body is null)
            {
                return ApiResults.Validation(ValidationErrors.Of("", "请求内容无法识别"), text);
            }

            var result = await editor.EditAsync(id, body.ToCommand(), http.User, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            return TypedResults.Ok(await reader.FindAsync(id, ct));
        })
        .RequireAuthorization(Policies.Staff)
        .WithName("EditRoadshow")
        .WithSummary("Change a roadshow and its line-up (the whole form, projectIds in order) while it is upcoming. Organising staff or the district admin.")
        .WithTags("Roadshows")
        .Produces<RoadshowDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
