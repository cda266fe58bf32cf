using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Communities.ListCommunities;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.EditCommunity;

public static class EditCommunityEndpoint
{
    public sealed record EditCommunityRequest(string? Name, string? NameEn, string? Description);

    public static RouteGroupBuilder MapEditCommunity(this RouteGroupBuilder api)
    {
        api.MapPut("/communities/{code}", async (
            string code, EditCommunityRequest body, EditCommunityHandler handler, ICommunityDirectory directory, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(new EditCommunityCommand(code, body.Name, body.NameEn, body.Description), ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            var info = await directory.FindByIdAsync(result.Value!.Id, ct);
            return TypedResults.Ok(ListCommunitiesEndpoint.CommunityDto.From(info!));
        })
        .RequireAuthorization(Policies.DistrictAdmin)
        .WithName("EditCommunity")
        .WithSummary("Rename a community or change its description (district admin).")
        .WithTags("Communities")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
