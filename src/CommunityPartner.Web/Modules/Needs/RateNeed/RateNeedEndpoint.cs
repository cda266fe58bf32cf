using CommunityPartner.Web.Modules.Needs.ViewNeed;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.RateNeed;

public static class RateNeedEndpoint
{
    public sealed record RatingRequest(string? Satisfaction, string? Comment);

    public static RouteGroupBuilder MapRateNeed(this RouteGroupBuilder api)
    {
        api.MapPost("/needs/{id:guid}/rating", async (Guid id, RatingRequest body, HttpContext http, RateNeedHandler handler, NeedReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(new RateNeedCommand(id, body.Satisfaction, body.Comment), http.User, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            return TypedResults.Ok(await reader.FindAsync(id, ct));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RateNeed")
        .WithSummary("The raiser rates a resolved need: satisfied, basically_satisfied or dissatisfied (reopens it), with an optional comment.")
        .WithTags("Needs")
        .Produces<NeedDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
