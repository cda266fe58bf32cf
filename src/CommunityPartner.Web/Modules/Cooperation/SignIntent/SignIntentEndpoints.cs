using CommunityPartner.Web.Modules.Cooperation.ViewIntent;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.SignIntent;

public static class SignIntentEndpoints
{
    public sealed record VersionRequest(IReadOnlyList<OfferLineInput>? Lines);

    public static RouteGroupBuilder MapSignIntent(this RouteGroupBuilder api)
    {
        api.MapGet("/intents/{id:guid}", async (Guid id, HttpContext http, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await reader.FindAsync(id, http.User, ct) switch
            {
                ({ } intent, _) => (IResult)TypedResults.Ok(intent),
                (null, true) => ApiResults.Problem(StatusCodes.Status403Forbidden, text["只有出力的合伙人成员和项目所在社区的社区工作者可以查看"]),
                _ => ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这份合作意向"]),
            })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetIntent")
        .WithSummary("A cooperation intent: parties, project, asks, and every version with both confirmations (newest first).")
        .WithTags("Cooperation")
        .Produces<IntentDetails>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/intents/{id:guid}/confirm", async (Guid id, HttpContext http, SignIntentHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.ConfirmAsync(id, http.User, ct), http, reader, text, ct))
        .Describe("ConfirmIntent", "One side confirms the current version: a member of a verified partner, or the project's community staff. The second confirmation signs it.");

        api.MapPost("/intents/{id:guid}/versions", async (Guid id, VersionRequest? body, HttpContext http, SignIntentHandler handler, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await AnswerAsync(await handler.ProposeAsync(id, body?.Lines, http.User, ct), http, reader, text, ct, created: true))
        .Describe("ProposeIntentVersion", "Either side proposes new lines as a new version; both confirm it again. Signed versions never change and stay readable.", StatusCodes.Status201Created);
        return api;
    }

    private static async Task<IResult> AnswerAsync(Result<CooperationIntent> result, HttpContext http, IntentReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct, bool created = false)
    {
        if (!result.IsOk)
        {
            return ApiResults.From(result, text, _ => TypedResults.Ok());
        }

        var details = (await reader.FindAsync(result.Value!.Id, http.User, ct)).Intent;
        return created ? TypedResults.Created($"/api/v1/intents/{result.Value.Id}", details) : TypedResults.Ok(details);
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, int status = StatusCodes.Status200OK) => builder
        .RequireAuthorization(Policies.SignedIn)
        .WithName(name)
        .WithSummary(summary)
        .WithTags("Cooperation")
        .Produces<IntentDetails>(status)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
