using System.Globalization;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.ManageItems;

public static class ManageItemsEndpoints
{
    public static RouteGroupBuilder MapManageItems(this RouteGroupBuilder api)
    {
        api.MapGet("/merchants/{id:guid}/items", async (Guid id, ManageItemsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.ListAsync(id, ct), text, r => TypedResults.Ok(r)))
        .WithName("ListMerchantItems")
        .WithSummary("The items a caring merchant offers for points, newest first, with price, stock, valid dates and `photoUrl` (the item's public photo; null when it has none).")
        .WithTags("Points")
        .Produces<IReadOnlyList<ItemDto>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/merchants/{id:guid}/items", async (Guid id, HttpRequest request, ManageItemsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            AddItemCommand? command;
            PhotoUpload? photo = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                command = new AddItemCommand(form["name"], long.TryParse(form["pointsPrice"], out var price) ? price : 0,
                    int.TryParse(form["stock"], out var stock) ? stock : -1, DateOf(form["validFrom"]), DateOf(form["validUntil"]));
                photo = form.Files.GetFile("photo") is { } file ? new PhotoUpload(file.FileName, file.Length, file.OpenReadStream) : null;
            }
            else
            {
                try
                {
                    command = await request.ReadFromJsonAsync<AddItemCommand>(ct);
                }
                catch (System.Text.Json.JsonException)
                {
                    return ApiResults.Validation(ValidationErrors.Of("", "请求内容无法识别"), text);
                }
            }

            return ApiResults.From(await handler.AddAsync(id, command ?? new AddItemCommand(null, 0, 0, null, null), photo, request.HttpContext.User, ct), text,
                r => TypedResults.Created($"/api/v1/merchants/{id}/items", r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .DisableAntiforgery()
        .Accepts<AddItemCommand>("application/json", "multipart/form-data")
        .WithName("AddMerchantItem")
        .WithSummary("A member of a verified caring merchant lists an item for points (name, points price, stock, optional valid dates). As multipart/form-data (fields name, pointsPrice, stock, validFrom, validUntil) it may carry one `photo` (JPEG, PNG or WebP, up to 5 MB, metadata removed); anything else in `photo` is a 400 and nothing is stored.")
        .WithTags("Points")
        .Produces<ItemDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/merchants/{id:guid}/items/{itemId:guid}/photo", async (Guid id, Guid itemId, HttpRequest request, ManageItemsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("photo") : null;
            var upload = file is null ? null : new PhotoUpload(file.FileName, file.Length, file.OpenReadStream);
            return ApiResults.From(await handler.SetPhotoAsync(id, itemId, upload, request.HttpContext.User, ct), text, r => TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data")
        .WithName("SetMerchantItemPhoto")
        .WithSummary("A member of the item's merchant sets or replaces its photo (multipart field `photo`; JPEG, PNG or WebP up to 5 MB, metadata removed). The previous photo's address keeps working. Anything else is a 400 with a field error on `photo`, and the photo stays as it was.")
        .WithTags("Points")
        .Produces<ItemDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Item photos are public, like the listing they belong to; a replaced photo keeps its address.</summary>
    public static IEndpointRouteBuilder MapItemPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/points/items/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, AppDbContext db, FileStore files, CancellationToken ct) =>
        {
            var photo = await db.Set<ItemPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ItemId == id, ct);
            var stream = photo is null ? null : files.OpenRead(photo.StoragePath);
            return stream is null ? Results.NotFound() : Results.File(stream, photo!.ContentType, enableRangeProcessing: false);
        }).ExcludeFromDescription();
        return app;
    }

    private static DateTime? DateOf(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
