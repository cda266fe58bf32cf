using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.Redeem;

public static class RedeemEndpoints
{
    public static RouteGroupBuilder MapRedeem(this RouteGroupBuilder api)
    {
        api.MapPost("/redemptions", async (RedeemCommand command, [FromHeader(Name = Idempotency.Header)] string? key, HttpContext http,
            RedeemHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(command, key, http.User, ct), text, r => TypedResults.Created($"/api/v1/redemptions/{r.Code}", r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("Redeem")
        .WithSummary("A resident redeems an item: the price is held, one unit of stock reserved, and a short code issued for the merchant's counter. Requires an Idempotency-Key header; 409 when points or stock run short.")
        .WithTags("Points")
        .Produces<RedemptionDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/redemptions/{code}/confirm", async (string code, HttpContext http, CloseRedemptionHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.ConfirmAsync(code, http.User, ct), text, r => TypedResults.Ok(r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ConfirmRedemption")
        .WithSummary("A member of the merchant confirms a code at the counter: the held points move to the merchant. Idempotent: confirming a confirmed code answers 200 with it.")
        .WithTags("Points")
        .Produces<RedemptionDto>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/redemptions/{code}/cancel", async (string code, HttpContext http, CloseRedemptionHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.CancelAsync(code, http.User, ct), text, r => TypedResults.Ok(r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("CancelRedemption")
        .WithSummary("The resident cancels their unconfirmed code: the points come back and the stock is released. Idempotent.")
        .WithTags("Points")
        .Produces<RedemptionDto>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
