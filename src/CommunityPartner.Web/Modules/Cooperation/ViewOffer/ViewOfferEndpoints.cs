using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.ViewOffer;

public static class ViewOfferEndpoints
{
    public static RouteGroupBuilder MapViewOffer(this RouteGroupBuilder api)
    {
        api.MapGet("/offers/{id:guid}", async (Guid id, HttpContext http, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await reader.FindAsync(id, http.User, ct) switch
            {
                ({ } offer, _) => (IResult)TypedResults.Ok(offer),
                (null, true) => ApiResults.Problem(StatusCodes.Status403Forbidden, text["只有出力的合伙人成员和项目所在社区的社区工作者可以查看"]),
                _ => ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这个出力方案"]),
            })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetOffer")
        .WithSummary("One offer with its lines and negotiation thread, for the partner's members and the project's community staff.")
        .WithTags("Cooperation")
        .Produces<OfferDetails>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The API answer of an offer action: the offer as the actor now sees it, or the refusal.</summary>
    public static async Task<IResult> AnswerAsync(Result<Offer> result, HttpContext http, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        result.IsOk ? TypedResults.Ok((await reader.FindAsync(result.Value!.Id, http.User, ct)).Offer) : ApiResults.From(result, text, _ => TypedResults.Ok());
}
