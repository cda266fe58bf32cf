using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.ExpressInterest;

public static class ExpressInterestEndpoint
{
    public sealed record InterestRequest(Guid? ProjectId);

    public static RouteGroupBuilder MapExpressInterest(this RouteGroupBuilder api)
    {
        api.MapPost("/roadshows/{id:guid}/interests", async (Guid id, InterestRequest? body, HttpContext http, ExpressInterestHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, body?.ProjectId, http.User, ct);
            return ApiResults.From(result, text, r => r.Created ? TypedResults.Created($"/api/v1/roadshows/{id}", r) : (IResult)TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ExpressRoadshowInterest")
        .WithSummary("A partner member's one-tap interest (one tap) in a project of the line-up; the project's community staff are told. Idempotent: 201 then 200.")
        .WithTags("Roadshows")
        .Produces<InterestResult>(StatusCodes.Status201Created)
        .Produces<InterestResult>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
