using CommunityPartner.Web.Modules.Needs.ViewNeed;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.AnswerNeed;

public static class AnswerNeedEndpoints
{
    public sealed record AnswerRequest(string? Text);

    public sealed record MergeRequest(Guid? TargetId);

    public static RouteGroupBuilder MapAnswerNeed(this RouteGroupBuilder api)
    {
        foreach (var move in new[] { "respond", "start", "resolve", "reject" })
        {
            api.MapPost($"/needs/{{id:guid}}/{move}", async (Guid id, AnswerRequest? body, HttpContext http, AnswerNeedHandler handler, NeedReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                await RunAsync(new AnswerNeedCommand(id, move, body?.Text, null), http, handler, reader, text, ct))
            .RequireCommunityScope("need", "id")
            .WithName($"{char.ToUpperInvariant(move[0])}{move[1..]}Need")
            .WithSummary(move switch
            {
                "respond" => "First answer to a need (staff of its community). Body: { text }.",
                "start" => "Start handling a need. Body: { text } (optional).",
                "resolve" => "Mark a need resolved, saying what was done. Body: { text }.",
                _ => "Reject a need with a reason the raiser sees. Body: { text }.",
            })
            .WithTags("Needs")
            .Produces<NeedDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        }

        api.MapPost("/needs/{id:guid}/merge", async (Guid id, MergeRequest? body, HttpContext http, AnswerNeedHandler handler, NeedReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await RunAsync(new AnswerNeedCommand(id, "merge", null, body?.TargetId), http, handler, reader, text, ct))
        .RequireCommunityScope("need", "id")
        .WithName("MergeNeed")
        .WithSummary("Merge a need into another open need of the same community; raiser and supporters are carried over. Body: { targetId }.")
        .WithTags("Needs")
        .Produces<NeedDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> RunAsync(
        AnswerNeedCommand command, HttpContext http, AnswerNeedHandler handler, NeedReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var result = await handler.HandleAsync(command, http.User, ct);
        if (!result.IsOk)
        {
            return ApiResults.From(result, text, _ => TypedResults.Ok());
        }

        return TypedResults.Ok(await reader.FindAsync(command.NeedId, ct));
    }
}
