using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Expiry.PointsSettings;

public static class PointsSettingsEndpoints
{
    public static RouteGroupBuilder MapPointsSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/points/settings", async (PointsSettingsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CurrentAsync(ct)))
            .RequireAuthorization(Policies.DistrictAdmin)
            .WithName("GetPointsSettings")
            .WithSummary("The district's points policy: months until points expire, and whether it is the configured default (district admin).")
            .WithTags("Points")
            .Produces<PointsSettingsDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/points/settings", async (SavePointsSettingsCommand command, HttpContext http, PointsSettingsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.SaveAsync(command, http.User, ct), text, r => TypedResults.Ok(r)))
            .RequireAuthorization(Policies.DistrictAdmin)
            .WithName("SavePointsSettings")
            .WithSummary("The district admin sets how many months (1-120) points stay valid; the expiry job uses it from its next run.")
            .WithTags("Points")
            .Produces<PointsSettingsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
