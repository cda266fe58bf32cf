using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Communities.Admin.AssignStaff;

public static class AssignStaffEndpoints
{
    public sealed record AssignStaffRequest(string? Phone);

    public static RouteGroupBuilder MapAssignStaff(this RouteGroupBuilder api)
    {
        api.MapGet("/communities/{code}/staff", async (string code, ICommunityDirectory directory, AssignStaffHandler handler, CancellationToken ct) =>
        {
            var community = await directory.FindByCodeAsync(code, ct);
            return community is null
                ? Results.NotFound()
                : Results.Ok(await handler.ListAsync(community.Id, ct));
        })
        .RequireCommunityScope("community", "code")
        .WithName("ListCommunityStaff")
        .WithSummary("Staff of a community (its own staff and the district admin).")
        .WithTags("Communities")
        .Produces<IReadOnlyList<StaffMember>>();

        api.MapPost("/communities/{code}/staff", async (string code, AssignStaffRequest body, AssignStaffHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.AssignAsync(new AssignStaffCommand(code, body.Phone), ct);
            return ApiResults.From(result, text, m => TypedResults.Created($"/api/v1/communities/{code}/staff", m));
        })
        .RequireAuthorization(Policies.DistrictAdmin)
        .WithName("AssignCommunityStaff")
        .WithSummary("Make a registered account a staff member of this community (district admin).")
        .WithTags("Communities")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/communities/{code}/staff/{userId:guid}", async (string code, Guid userId, AssignStaffHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.RemoveAsync(code, userId, ct);
            return ApiResults.From(result, text, _ => TypedResults.NoContent());
        })
        .RequireAuthorization(Policies.DistrictAdmin)
        .WithName("RemoveCommunityStaff")
        .WithSummary("Remove a staff member from this community (district admin).")
        .WithTags("Communities")
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
