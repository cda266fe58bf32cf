using CommunityPartner.Web.Modules.Cooperation.MatchProject;
using CommunityPartner.Web.Modules.Cooperation.Recommend;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.ListOffers;

/// <summary>
/// Staff see the offers to their community's projects; for one project (?project=) also how far signed intents cover
/// each ask, and the button that marks the project matched.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffOffersModel(OfferReader reader, MatchProjectHandler matching, RecommendHandler recommend, IProjectMatching projects, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<OfferSummary> Offers { get; private set; } = [];

    public ProjectWithAsks? Project { get; private set; }

    public IReadOnlyList<AskCoverage> Coverage { get; private set; } = [];

    /// <summary>Partners that fit the project, best first, with their reasons.</summary>
    public IReadOnlyList<RecommendedPartner> Recommended { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? project, CancellationToken ct) => await LoadAsync(project, ct);

    public async Task<IActionResult> OnPostMatchAsync(Guid project, CancellationToken ct)
    {
        var result = await matching.MatchAsync(project, User, ct);
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.Kind == ResultKind.Forbidden)
        {
            return Forbid();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = text["项目已标记为已对接。"].Value;
            return Redirect($"/admin/offers?project={project}");
        }

        ModelState.AddResult(result, text, prefix: "");
        return await LoadAsync(project, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid? projectId, CancellationToken ct)
    {
        if (projectId is { } id)
        {
            Project = await projects.FindWithAsksAsync(id, ct);
            if (Project is null)
            {
                return NotFound();
            }

            if (!CooperationPeople.IsStaffOf(User, Project.Brief.CommunityId))
            {
                return Forbid();
            }

            Coverage = await matching.CoverageAsync(id, ct) ?? [];
            Recommended = (await recommend.PartnersForProjectAsync(id, User, ct)).Value ?? [];
        }

        Offers = await reader.ListForStaffAsync(User, projectId, ct);
        return Page();
    }
}
