using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Communities.ListCommunities;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.CreateCommunity;

public static class CreateCommunityEndpoint
{
    public static RouteGroupBuilder MapCreateCommunity(this RouteGroupBuilder api)
    {
        api.MapPost("/communities", async (
            CreateCommunityCommand command, CreateCommunityHandler handler, ICommunityDirectory directory, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(command, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            var info = await directory.FindByIdAsync(result.Value!.Id, ct);
            return TypedResults.Created($"/api/v1/communities/{info!.Code}", ListCommunitiesEndpoint.CommunityDto.From(info));
        })
        .RequireAuthorization(Policies.DistrictAdmin)
        .WithName("CreateCommunity")
        .WithSummary("Add a community (district admin).")
        .WithTags("Communities")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
