using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Recycling.ManageStations;
using CommunityPartner.Web.Modules.Points.Recycling.RecordDropoff;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Recycling;

public static class RecyclingEndpoints
{
    public static RouteGroupBuilder MapRecycling(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{id:guid}", async Task<IResult> (Guid id, ManageStationsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await handler.FindAsync(id, ct) is { } station ? TypedResults.Ok(station) : ApiResults.Problem(StatusCodes.Status404NotFound, text["没有找到这个绿色驿站"]))
        .WithName("ViewStation")
        .WithSummary("A green station and its rate table (points per kilogram by category).")
        .WithTags("Points")
        .Produces<StationDto>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/stations", async (CreateStationCommand command, HttpContext http, ManageStationsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.CreateAsync(command, http.User, ct), text, r => TypedResults.Created($"/api/v1/stations/{r.Id}", r)))
        .RequireAuthorization(Policies.Staff)
        .WithName("CreateStation")
        .WithSummary("Community staff open a green station in their community and name its operators by phone.")
        .WithTags("Points")
        .Produces<StationDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/stations/{id:guid}/rates/{category}", async (Guid id, string category, SaveRateCommand command, HttpContext http, ManageStationsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.SaveRateAsync(id, category, command, http.User, ct), text, r => TypedResults.Ok(r)))
        .RequireAuthorization(Policies.Staff)
        .WithName("SaveStationRate")
        .WithSummary("Community staff set the station's points per kilogram for one category of recycling.")
        .WithTags("Points")
        .Produces<RateDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/stations/{id:guid}/dropoffs", async (Guid id, RecordDropoffCommand command, [FromHeader(Name = Idempotency.Header)] string? key, HttpContext http,
            RecordDropoffHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, command, key, http.User, ct), text, r => TypedResults.Created($"/api/v1/stations/{id}", r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RecordDropoff")
        .WithSummary("The station operator records a resident's drop-off (phone, category, weight in grams); points by the rate table, rounded down. Requires an Idempotency-Key header.")
        .WithTags("Points")
        .Produces<DropoffResult>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
