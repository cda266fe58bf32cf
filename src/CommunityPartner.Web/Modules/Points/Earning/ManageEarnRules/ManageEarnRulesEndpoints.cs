using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Earning.ManageEarnRules;

public static class ManageEarnRulesEndpoints
{
    public static RouteGroupBuilder MapManageEarnRules(this RouteGroupBuilder api)
    {
        api.MapGet("/communities/{code}/points/earn-rules", async Task<IResult> (string code, ICommunityDirectory communities, ManageEarnRulesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await communities.FindByCodeAsync(code, ct) is { } community
                ? TypedResults.Ok(await handler.ListAsync(community.Id, ct))
                : ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这个社区"]))
        .WithName("ListEarnRules")
        .WithSummary("A community's earn rules: points per activity type and the daily cap per resident.")
        .WithTags("Points")
        .Produces<IReadOnlyList<EarnRuleDto>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/points/earn-rules", async (SaveEarnRuleCommand command, HttpContext http, ManageEarnRulesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.SaveAsync(command, http.User, ct), text, r => TypedResults.Ok(r)))
        .RequireAuthorization(Policies.Staff)
        .WithName("SaveEarnRule")
        .WithSummary("Community staff create or change their community's earn rule for one activity type.")
        .WithTags("Points")
        .Produces<EarnRuleDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
