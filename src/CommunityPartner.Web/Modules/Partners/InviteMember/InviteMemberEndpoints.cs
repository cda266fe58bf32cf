using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.InviteMember;

public static class InviteMemberEndpoints
{
    public sealed record InviteRequest(string? Phone);

    public static RouteGroupBuilder MapInviteMember(this RouteGroupBuilder api)
    {
        api.MapGet("/partners/{id:guid}/members", async (Guid id, HttpContext http, TeamReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await reader.TeamAsync(id, http.User, ct) is { } team
                ? Results.Ok(team)
                : ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这个合伙人"]))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("ListPartnerMembers")
        .WithSummary("The partner's members (numbers masked) and its open invitations; for its members and the district admin. Anyone else gets 404.")
        .WithTags("Partners")
        .Produces<TeamView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/partners/{id:guid}/invitations", async (Guid id, InviteRequest? body, HttpContext http, InviteMemberHandler handler, TeamReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.InviteAsync(id, body?.Phone, http.User, ct);
            return result.IsOk
                ? TypedResults.Created($"/api/v1/partners/{id}/members", await reader.ViewAsync(result.Value!, ct))
                : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .Describe("InvitePartnerMember", "A member invites a colleague by mobile number; valid 14 days; the colleague accepts after signing in with that number.", StatusCodes.Status201Created);

        api.MapGet("/partner-invitations/mine", async (HttpContext http, TeamReader reader, CancellationToken ct) => Results.Ok(await reader.MineAsync(http.User, ct)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("MyPartnerInvitations")
        .WithSummary("Open invitations to the signed-in person's mobile number.")
        .WithTags("Partners")
        .Produces<IReadOnlyList<InvitationView>>();

        foreach (var (move, name, summary) in new[]
        {
            ("accept", "AcceptPartnerInvitation", "The invited person accepts and becomes a member of the partner."),
            ("decline", "DeclinePartnerInvitation", "The invited person declines."),
            ("revoke", "RevokePartnerInvitation", "A member of the partner takes back an invitation not yet answered."),
        })
        {
            api.MapPost($"/partner-invitations/{{id:guid}}/{move}", async (Guid id, HttpContext http, InviteMemberHandler handler, TeamReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var result = move == "revoke" ? await handler.RevokeAsync(id, http.User, ct) : await handler.AnswerAsync(id, move == "accept", http.User, ct);
                return result.IsOk ? TypedResults.Ok(await reader.ViewAsync(result.Value!, ct)) : ApiResults.From(result, text, _ => TypedResults.Ok());
            })
            .Describe(name, summary);
        }

        return api;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, int status = StatusCodes.Status200OK) => builder
        .RequireAuthorization(Policies.SignedIn)
        .WithName(name)
        .WithSummary(summary)
        .WithTags("Partners")
        .Produces<InvitationView>(status)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
