using CommunityPartner.Web.Modules.Cooperation.NegotiateOffer;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.DecideOffer;

public static class DecideOfferEndpoints
{
    public sealed record DeclineRequest(string? Reason);

    public static RouteGroupBuilder MapDecideOffer(this RouteGroupBuilder api)
    {
        api.MapPost("/offers/{id:guid}/accept", async (Guid id, HttpContext http, DecideOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.AcceptAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("AcceptOffer", "The project's community staff accept a negotiating offer: its lines become version 1 of a cooperation intent (intentId).")
        .RequireCommunityScope("offer", "id");

        api.MapPost("/offers/{id:guid}/decline", async (Guid id, DeclineRequest? body, HttpContext http, DecideOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.DeclineAsync(id, body?.Reason, http.User, ct), http, reader, text, ct))
        .Describe("DeclineOffer", "The project's community staff decline a negotiating offer with a reason the partner reads.")
        .RequireCommunityScope("offer", "id");
        return api;
    }
}
