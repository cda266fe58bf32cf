using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Accounts.Register;

public static class RegisterEndpoint
{
    public sealed record RegisteredDto(Guid Id, string DisplayName, string CommunityCode);

    public static RouteGroupBuilder MapRegister(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/register", async (RegisterCommand command, RegisterHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(command, ct);
            return ApiResults.From(result, text, u => TypedResults.Created("/api/v1/me", new RegisteredDto(u.Id, u.DisplayName, command.CommunityCode!.Trim())));
        })
        .AllowAnonymous()
        .RequireRateLimiting(RateLimits.Accounts)
        .WithName("Register")
        .WithSummary("Register as a resident (phone, password, display name, home community, privacy consent version).")
        .WithTags("Accounts")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
