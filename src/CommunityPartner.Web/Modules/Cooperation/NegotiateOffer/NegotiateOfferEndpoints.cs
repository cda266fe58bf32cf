using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.NegotiateOffer;

public static class NegotiateOfferEndpoints
{
    public sealed record MessageRequest(string? Text);

    /// <param name="DueOn">A new 兑现期限 (district date); left out: unchanged.</param>
    public sealed record LinesRequest(IReadOnlyList<OfferLineInput>? Lines, DateOnly? DueOn = null);

    public static RouteGroupBuilder MapNegotiateOffer(this RouteGroupBuilder api)
    {
        api.MapPost("/offers/{id:guid}/messages", async (Guid id, MessageRequest? body, HttpContext http, NegotiateOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.PostAsync(id, body?.Text, http.User, ct), http, reader, text, ct))
        .Describe("PostOfferMessage", "A message in the negotiation thread, by a member of the partner or the project's community staff; the other side is notified.");

        api.MapPost("/offers/{id:guid}/amend", async (Guid id, LinesRequest? body, HttpContext http, NegotiateOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.AmendAsync(id, body?.Lines, http.User, ct, body?.DueOn), http, reader, text, ct))
        .Describe("AmendOffer", "Either side replaces the lines while negotiating (the partner also while drafting); the thread records old → new. An optional dueOn changes the due date.");

        api.MapPost("/offers/{id:guid}/submit", async (Guid id, HttpContext http, NegotiateOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.SubmitAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("SubmitOffer", "The partner submits a draft (at least one line) for negotiation; the community's staff are notified.");

        api.MapPost("/offers/{id:guid}/withdraw", async (Guid id, HttpContext http, NegotiateOfferHandler handler, OfferReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await ViewOfferEndpoints.AnswerAsync(await handler.WithdrawAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("WithdrawOffer", "The partner withdraws the offer, any time before the intent is signed.");
        return api;
    }

    /// <summary>The OpenAPI description every offer action shares.</summary>
    internal static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary) => builder
        .RequireAuthorization(Policies.SignedIn)
        .WithName(name)
        .WithSummary(summary)
        .WithTags("Cooperation")
        .Produces<OfferDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
