using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.AwardPoints;

public static class AwardPointsEndpoint
{
    public static RouteGroupBuilder MapAwardPoints(this RouteGroupBuilder api)
    {
        api.MapPost("/points/awards", async (AwardPointsCommand command, [FromHeader(Name = Idempotency.Header)] string? key, HttpContext http,
            AwardPointsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(command, key, http.User, ct);
            return ApiResults.From(result, text, r => TypedResults.Created($"/api/v1/points/transfers/{r.TransferId}", r));
        })
        .RequireAuthorization(Policies.Staff)
        .WithName("AwardPoints")
        .WithSummary("Community staff award a resident of their community the points of an activity, by the community's earn rule. Requires an Idempotency-Key header: a retry with the same key and body returns the first result; the same key with another body answers 422.")
        .WithTags("Points")
        .Produces<AwardResult>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
