using CommunityPartner.Web.Modules.Cooperation.ViewIntent;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.RecordDelivery;

public static class RecordDeliveryEndpoints
{
    public sealed record DisputeRequest(string? Reason);

    public static RouteGroupBuilder MapRecordDelivery(this RouteGroupBuilder api)
    {
        api.MapPost("/intents/{id:guid}/deliveries", async (Guid id, DeliveryInput? body, HttpContext http, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.RecordAsync(id, body, http.User, ct), http, reader, text, ct, created: true))
        .Describe("RecordDelivery", "A member of the intent's partner records a delivery against a line of the signed version: money received (yuan), hours given (service) or a resource's estimated value, with a note.", StatusCodes.Status201Created);

        api.MapPost("/deliveries/{id:guid}/confirm", async (Guid id, HttpContext http, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.ConfirmAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("ConfirmDelivery", "The project's community staff (or the district admin) confirm a recorded delivery; only confirmed deliveries count as delivered.");

        api.MapPost("/deliveries/{id:guid}/dispute", async (Guid id, DisputeRequest? body, HttpContext http, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.DisputeAsync(id, body?.Reason, http.User, ct), http, reader, text, ct))
        .Describe("DisputeDelivery", "The project's community staff dispute a recorded delivery, with a reason; the partner may record it again as a new delivery.");
        return api;
    }

    private static async Task<IResult> AnswerAsync(Result<Delivery> result, HttpContext http, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct, bool created = false)
    {
        if (!result.IsOk)
        {
            return ApiResults.From(result, text, _ => TypedResults.Ok());
        }

        var delivery = result.Value!;
        var view = (await reader.FindAsync(delivery.IntentId, http.User, ct)).Intent?.Deliveries.FirstOrDefault(d => d.Id == delivery.Id);
        return created ? TypedResults.Created($"/api/v1/intents/{delivery.IntentId}", view) : TypedResults.Ok(view);
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, int status = StatusCodes.Status200OK) => builder
        .RequireAuthorization(Policies.SignedIn)
        .WithName(name)
        .WithSummary(summary)
        .WithTags("Cooperation")
        .Produces<DeliveryView>(status)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
