using CommunityPartner.Web.Modules.Cooperation.ViewIntent;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.RecordDelivery;

public static class RecordDeliveryEndpoints
{
    public sealed record DisputeRequest(string? Reason);

    public static RouteGroupBuilder MapRecordDelivery(this RouteGroupBuilder api)
    {
        api.MapPost("/intents/{id:guid}/deliveries", async (Guid id, HttpRequest request, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            DeliveryInput? body;
            PhotoUpload? photo = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                body = new DeliveryInput(
                    Guid.TryParse(form["lineId"], out var lineId) ? lineId : null,
                    long.TryParse(form["yuan"], out var yuan) ? yuan : null,
                    int.TryParse(form["hours"], out var hours) ? hours : null,
                    form["note"]);
                photo = form.Files.GetFile("photo") is { } file ? new PhotoUpload(file.FileName, file.Length, file.OpenReadStream) : null;
            }
            else
            {
                try
                {
                    body = await request.ReadFromJsonAsync<DeliveryInput>(ct);
                }
                catch (System.Text.Json.JsonException)
                {
                    return ApiResults.Validation(ValidationErrors.Of("", "请求内容无法识别"), text);
                }
            }

            return await AnswerAsync(await handler.RecordAsync(id, body, photo, request.HttpContext.User, ct), request.HttpContext, reader, text, ct, created: true);
        })
        .Accepts<DeliveryInput>("application/json", "multipart/form-data")
        .Describe("RecordDelivery", "A member of the intent's partner records a delivery against a line of the signed version: money received (yuan), hours given (service) or a resource's estimated value, with a note. As multipart/form-data (fields lineId, yuan, hours, note) it may carry one `photo` (JPEG, PNG or WebP, up to 5 MB).", StatusCodes.Status201Created);

        api.MapPost("/deliveries/{id:guid}/confirm", async (Guid id, HttpContext http, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.ConfirmAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("ConfirmDelivery", "The project's community staff (or the district admin) confirm a recorded delivery; only confirmed deliveries count as delivered.");

        api.MapPost("/deliveries/{id:guid}/dispute", async (Guid id, DisputeRequest? body, HttpContext http, RecordDeliveryHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.DisputeAsync(id, body?.Reason, http.User, ct), http, reader, text, ct))
        .Describe("DisputeDelivery", "The project's community staff dispute a recorded delivery, with a reason; the partner may record it again as a new delivery.");
        return api;
    }

    /// <summary>A delivery's photo, for the intent's two sides only (the same people who can open the intent).</summary>
    public static IEndpointRouteBuilder MapDeliveryPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/intents/{id:guid}/deliveries/{deliveryId:guid}/photo", async (Guid id, Guid deliveryId, HttpContext http, AppDbContext db, CooperationPeople people, FileStore files, CancellationToken ct) =>
        {
            var delivery = await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.IntentId == id, ct);
            if (delivery?.PhotoPath is not { } path
                || await people.PartiesAsync(delivery.PartnerId, delivery.CommunityId, http.User, ct) is not { IsParty: true })
            {
                return Results.NotFound();
            }

            var stream = files.OpenRead(path);
            return stream is null ? Results.NotFound() : Results.File(stream, delivery.PhotoContentType!, enableRangeProcessing: false);
        }).ExcludeFromDescription();
        return app;
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
