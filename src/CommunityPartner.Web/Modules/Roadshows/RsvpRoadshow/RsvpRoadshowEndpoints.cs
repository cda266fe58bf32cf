using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.RsvpRoadshow;

public static class RsvpRoadshowEndpoints
{
    public static RouteGroupBuilder MapRsvpRoadshow(this RouteGroupBuilder api)
    {
        api.MapPost("/roadshows/{id:guid}/rsvp", async (Guid id, HttpContext http, RsvpRoadshowHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.RsvpAsync(id, http.User, ct);
            return ApiResults.From(result, text, r => r.Created ? TypedResults.Created($"/api/v1/roadshows/{id}", r) : (IResult)TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RsvpRoadshow")
        .WithSummary("Take a seat (kind: representative, partner or resident, from the account's roles). Idempotent: 201 the first time, 200 after. 409 when full or over.")
        .WithTags("Roadshows")
        .Produces<RsvpResult>(StatusCodes.Status201Created)
        .Produces<RsvpResult>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/roadshows/{id:guid}/rsvp", async (Guid id, HttpContext http, RsvpRoadshowHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.CancelAsync(id, http.User, ct), text, r => TypedResults.Ok(r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("CancelRoadshowRsvp")
        .WithSummary("Give the seat back while the roadshow is upcoming. Idempotent.")
        .WithTags("Roadshows")
        .Produces<RsvpResult>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
