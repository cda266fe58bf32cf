using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Ledger.Corrections;

public static class CorrectionEndpoint
{
    public static RouteGroupBuilder MapCorrections(this RouteGroupBuilder api)
    {
        api.MapPost("/points/corrections", async (CorrectionCommand command, [FromHeader(Name = Idempotency.Header)] string? key, HttpContext http,
            CorrectionHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(command, key, http.User, ct), text, r => TypedResults.Created($"/api/v1/points/transfers/{r.TransferId}", r)))
        .RequireAuthorization(Policies.DistrictAdmin)
        .WithName("CorrectPoints")
        .WithSummary("The district admin corrects a resident's points with a correction transfer to (points > 0) or from (points < 0) their community's pool, with a required reason. A correction that would take the resident below zero answers 409. Requires an Idempotency-Key header.")
        .WithTags("Points")
        .Produces<CorrectionResult>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
