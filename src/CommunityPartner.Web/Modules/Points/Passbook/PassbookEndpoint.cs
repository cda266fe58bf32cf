using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Points.Passbook;

public static class PassbookEndpoint
{
    public static RouteGroupBuilder MapPassbook(this RouteGroupBuilder api)
    {
        api.MapGet("/points/me", async (long? before, HttpContext http, PassbookReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ReadAsync(http.User.UserId()!.Value, before, ct)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("MyPassbook")
        .WithSummary("The signed-in resident's passbook: balance, held points, and movements newest first; pass nextBefore as before for the next page.")
        .WithTags("Points")
        .Produces<PassbookDto>();
        return api;
    }
}
