using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.EditPartner;
using CommunityPartner.Web.Modules.Partners.HonourWall;
using CommunityPartner.Web.Modules.Partners.InviteMember;
using CommunityPartner.Web.Modules.Partners.RegisterPartner;
using CommunityPartner.Web.Modules.Partners.ReviewPartner;
using CommunityPartner.Web.Modules.Partners.ViewPartner;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners;

public static class PartnerEndpoints
{
    public sealed record ReviewRequest(string? Reason);

    public sealed record HonourWallRequest(bool Show);

    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partners", async (string? type, string? community, string? status, HttpContext http, PartnerReader reader, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var parsedType = string.IsNullOrWhiteSpace(type) ? null : PartnerText.ParseType(type.Trim());
            if (!string.IsNullOrWhiteSpace(type) && parsedType is null)
            {
                errors.Add("type", "类型只能是 enterprise、merchant、social_organisation 或 individual");
            }

            var communityId = string.IsNullOrWhiteSpace(community) ? null : (await communities.FindByCodeAsync(community.Trim(), ct))?.Id;
            if (!string.IsNullOrWhiteSpace(community) && communityId is null)
            {
                errors.Add("community", "没有这个社区");
            }

            var parsedStatus = PartnerStatus.Verified;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse(status, ignoreCase: true, out parsedStatus) || !Enum.IsDefined(parsedStatus))
                {
                    errors.Add("status", "状态只能是 pending、verified 或 rejected");
                }
                else if (parsedStatus != PartnerStatus.Verified && !http.User.IsInRole(Roles.DistrictAdmin))
                {
                    return ApiResults.Problem(StatusCodes.Status403Forbidden, text["只有新区管理员可以查看待审核的合伙人"]);
                }
            }

            return errors.IsValid
                ? Results.Ok(await reader.ListAsync(parsedType, communityId, parsedStatus, ct))
                : ApiResults.Validation(errors, text);
        })
        .WithName("ListPartners")
        .WithSummary("Verified partners, by type and community served. The district admin may ask for status=pending or rejected.")
        .WithTags("Partners")
        .Produces<IReadOnlyList<PartnerSummary>>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/partners/{id:guid}", async (Guid id, HttpContext http, PartnerReader reader, CancellationToken ct) =>
            await reader.FindAsync(id, http.User, ct) is { } partner ? Results.Ok(partner) : Results.NotFound())
        .WithName("GetPartner")
        .WithSummary("One partner. Contact phone masked except for its members and the district admin (whose read is logged).")
        .WithTags("Partners")
        .Produces<PartnerDetails>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/partners", async (PartnerInput input, HttpContext http, RegisterPartnerHandler handler, PartnerReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(input, http.User, ct);
            return result.IsOk
                ? TypedResults.Created($"/api/v1/partners/{result.Value!.Id}", await reader.FindAsync(result.Value.Id, http.User, ct))
                : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RegisterPartner")
        .WithSummary("Register a partner; the caller becomes its first member. Organisations give a valid unified social credit code (GB 32100).")
        .WithTags("Partners")
        .Produces<PartnerDetails>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        api.MapPut("/partners/{id:guid}", async (Guid id, PartnerInput input, HttpContext http, EditPartnerHandler handler, PartnerReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, input, null, http.User, ct);
            return result.IsOk ? TypedResults.Ok(await reader.FindAsync(id, http.User, ct)) : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("EditPartner")
        .WithSummary("A member replaces the partner's profile (same checks as registration). Changing name, type or credit code sends a verified partner back to review; editing a rejected one resubmits it.")
        .WithTags("Partners")
        .Produces<PartnerDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        foreach (var verify in new[] { true, false })
        {
            api.MapPost(verify ? "/partners/{id:guid}/verify" : "/partners/{id:guid}/reject", async (Guid id, ReviewRequest? body, HttpContext http, ReviewPartnerHandler handler, PartnerReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, verify, body?.Reason, http.User, ct);
                return result.IsOk ? TypedResults.Ok(await reader.FindAsync(id, http.User, ct)) : ApiResults.From(result, text, _ => TypedResults.Ok());
            })
            .RequireAuthorization(Policies.DistrictAdmin)
            .WithName(verify ? "VerifyPartner" : "RejectPartner")
            .WithSummary(verify ? "Verify a pending partner (district admin)." : "Reject a pending partner with a reason its members read (district admin).")
            .WithTags("Partners")
            .Produces<PartnerDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        }

        api.MapPost("/partners/{id:guid}/honour-wall", async (Guid id, HonourWallRequest body, HttpContext http, SetHonourWallHandler handler, PartnerReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, body.Show, http.User, ct);
            return result.IsOk ? TypedResults.Ok(await reader.FindAsync(id, http.User, ct)) : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("SetPartnerHonourWall")
        .WithSummary("A member opts the partner in to the public honour wall (show=true) or out of it. Off by default; 409 when already so.")
        .WithTags("Partners")
        .Produces<PartnerDetails>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapInviteMember();
        return api;
    }
}
