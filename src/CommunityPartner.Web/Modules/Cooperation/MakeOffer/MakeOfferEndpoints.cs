using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.MakeOffer;

public static class MakeOfferEndpoints
{
    public static RouteGroupBuilder MapMakeOffer(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{id:guid}/offers", async (Guid id, HttpContext http, IProjectMatching projects, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (await projects.FindWithAsksAsync(id, ct) is not { } project)
            {
                return ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这个项目"]);
            }

            return await reader.ListForProjectAsync(id, project.Brief.CommunityId, http.User, ct) is { } offers
                ? TypedResults.Ok(offers)
                : (IResult)ApiResults.Problem(StatusCodes.Status403Forbidden, text["只有项目所在社区的社区工作者和出力的合伙人成员可以查看"]);
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ListProjectOffers")
        .WithSummary("Offers to a project: all of them for its community's staff, their own partners' for partner members.")
        .WithTags("Cooperation")
        .Produces<IReadOnlyList<OfferSummary>>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/projects/{id:guid}/offers", async (Guid id, MakeOfferInput input, HttpContext http, MakeOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, input, http.User, ct);
            return result.IsOk
                ? TypedResults.Created($"/api/v1/offers/{result.Value!.Id}", (await reader.FindAsync(result.Value.Id, http.User, ct)).Offer)
                : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("MakeOffer")
        .WithSummary("A partner member offers help to a recruiting project: lines of money (yuan), service (what, hours, estimated yuan) or resource (what, estimated yuan), each with the needId of one of the project's asks or none. draft=true keeps it as a draft (from a roadshow interest).")
        .WithTags("Cooperation")
        .Produces<OfferDetails>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
