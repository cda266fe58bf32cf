using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.Recommend;

public static class RecommendEndpoints
{
    public static RouteGroupBuilder MapRecommend(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{id:guid}/recommended-partners", async (Guid id, HttpContext http, RecommendHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.PartnersForProjectAsync(id, http.User, ct), text, list => TypedResults.Ok(list)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RecommendPartners")
        .WithSummary("Partners that fit the project, best first, each with its score and reasons (strengths against the asks, community served, delivered/pledged record, verified). For the project's community staff and the district admin.")
        .WithTags("Cooperation")
        .Produces<IReadOnlyList<RecommendedPartner>>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/partners/{id:guid}/recommended-projects", async (Guid id, HttpContext http, RecommendHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.ProjectsForPartnerAsync(id, http.User, ct), text, list => TypedResults.Ok(list)))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("RecommendProjects")
        .WithSummary("Recruiting projects the partner fits, best first, scored like recommended-partners. For the partner's members and the district admin.")
        .WithTags("Cooperation")
        .Produces<IReadOnlyList<RecommendedProject>>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
