using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

public sealed record ActivityAttendees(ActivityDto Activity, IReadOnlyList<AttendeeDto> Attendees);

public static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckIn(this RouteGroupBuilder api)
    {
        api.MapPost("/points/activities", async (CreateActivityCommand command, HttpContext http, ActivitiesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.CreateAsync(command, http.User, ct), text, r => TypedResults.Created($"/api/v1/points/activities/{r.Id}/attendees", r)))
        .RequireAuthorization(Policies.Staff)
        .WithName("CreatePointsActivity")
        .WithSummary("Community staff open a check-in activity (title, earn-rule activity type, time window). The answer carries its short code and the check-in path the QR code encodes.")
        .WithTags("Points")
        .Produces<ActivityDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/points/activities/{id:guid}/attendees", async (Guid id, HttpContext http, ActivitiesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.AttendeesAsync(id, http.User, ct), text, r => TypedResults.Ok(new ActivityAttendees(r.Activity, r.Attendees))))
        .RequireAuthorization(Policies.Staff)
        .WithName("ListActivityAttendees")
        .WithSummary("The activity and who checked in (names, masked phones, points), for staff of its community.")
        .WithTags("Points")
        .Produces<ActivityAttendees>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/points/checkins", async (CheckInCommand command, [FromHeader(Name = Idempotency.Header)] string? key, HttpContext http,
            CheckInHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(command, key, http.User, ct), text, r => TypedResults.Created($"/api/v1/points/transfers/{r.TransferId}", r)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("CheckInAtActivity")
        .WithSummary("A signed-in resident checks in at an activity by its code and earns the points of the activity community's earn rule, once per activity, within its time window and under the daily cap. Requires an Idempotency-Key header; checking in again (any key) returns the first check-in.")
        .WithTags("Points")
        .Produces<CheckInResult>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
