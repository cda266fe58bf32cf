using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.ManageItems;

public static class ManageItemsEndpoints
{
    public static RouteGroupBuilder MapManageItems(this RouteGroupBuilder api)
    {
        api.MapGet("/merchants/{id:guid}/items", async (Guid id, ManageItemsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.ListAsync(id, ct), text, r => TypedResults.Ok(r)))
        .WithName("ListMerchantItems")
        .WithSummary("The items a caring merchant offers for points, newest first, with price, stock and valid dates.")
        .WithTags("Points")
        .Produces<IReadOnlyList<ItemDto>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/merchants/{id:guid}/items", async (Guid id, AddItemCommand command, HttpContext http, ManageItemsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.AddAsync(id, command, http.User, ct), text, r => TypedResults.Created($"/api/v1/merchants/{id}/items", r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("AddMerchantItem")
        .WithSummary("A member of a verified caring merchant lists an item for points (name, points price, stock, optional valid dates).")
        .WithTags("Points")
        .Produces<ItemDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
