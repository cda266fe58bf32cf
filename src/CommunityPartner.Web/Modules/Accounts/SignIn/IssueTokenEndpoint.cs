using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Accounts.SignIn;

public static class IssueTokenEndpoint
{
    public sealed record TokenRequest(string? Phone, string? Password);

    public static RouteGroupBuilder MapIssueToken(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (TokenRequest body, SignInHandler handler, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) =>
        {
            var result = await handler.CheckAsync(body.Phone, body.Password);
            if (!result.IsOk)
            {
                var message = result.Errors.Items.FirstOrDefault(e => e.Field.Length == 0) is { } general
                    ? text[general.MessageKey].Value
                    : text["请输入 11 位中国大陆手机号和密码"].Value;
                return Results.Problem(title: text["登录失败"], detail: message, statusCode: StatusCodes.Status401Unauthorized);
            }

            var principal = await signIn.CreateUserPrincipalAsync(result.Value!);
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .RequireRateLimiting(RateLimits.Accounts)
        .WithName("IssueToken")
        .WithSummary("Exchange a phone and password for a bearer token ({ accessToken, expiresIn }).")
        .WithTags("Accounts")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
