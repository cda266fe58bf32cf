using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Web.Modules.Accounts.MyAccount;

public static class MyAccountEndpoint
{
    public static RouteGroupBuilder MapMyAccount(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (HttpContext http, MyAccountHandler handler, CancellationToken ct) =>
            await handler.HandleAsync(http.User, ct) is { } me ? Results.Ok(me) : Results.Unauthorized())
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetMyAccount")
        .WithSummary("The signed-in account: phone, name, community, roles and privacy consent.")
        .WithTags("Accounts")
        .Produces<MyAccountDto>();
        return api;
    }
}
