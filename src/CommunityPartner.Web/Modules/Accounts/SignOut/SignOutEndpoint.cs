using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Accounts.SignOut;

public static class SignOutEndpoint
{
    public static RouteGroupBuilder MapSignOut(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/sign-out", async (HttpContext http, SignOutHandler handler) =>
        {
            await handler.HandleAsync(http);
            return TypedResults.NoContent();
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("SignOut")
        .WithSummary("End every session and token of the signed-in account.")
        .WithTags("Accounts");
        return api;
    }
}
