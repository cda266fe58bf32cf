using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.SupportNeed;

public static class SupportNeedEndpoint
{
    public static RouteGroupBuilder MapSupportNeed(this RouteGroupBuilder api)
    {
        api.MapPost("/needs/{id:guid}/supports", async (Guid id, HttpContext http, SupportNeedHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, http.User, ct);
            return ApiResults.From(result, text, r => r.Created
                ? TypedResults.Created($"/api/v1/needs/{id}", r)
                : (IResult)TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("SupportNeed")
        .WithSummary("Support a need. Idempotent: 201 the first time, 200 with the same count after. 409 for its raiser and for staff who answer it.")
        .WithTags("Needs")
        .Produces<SupportResult>(StatusCodes.Status201Created)
        .Produces<SupportResult>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
