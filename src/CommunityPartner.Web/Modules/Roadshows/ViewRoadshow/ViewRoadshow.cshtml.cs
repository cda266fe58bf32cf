using CommunityPartner.Web.Modules.Roadshows.ExpressInterest;
using CommunityPartner.Web.Modules.Roadshows.ManageRoadshow;
using CommunityPartner.Web.Modules.Roadshows.RsvpRoadshow;
using CommunityPartner.Web.Modules.Roadshows.ScoreProject;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;

/// <summary>
/// The roadshow page: details and line-up, the RSVP button with seats left, a scoring form per project during the
/// window (own scores only), results once it closes, and the organiser's moves.
/// </summary>
public sealed class ViewRoadshowModel(
    RoadshowReader reader, RsvpRoadshowHandler rsvp, ScoreProjectHandler scores, ExpressInterestHandler interests,
    ManageRoadshowHandler manage, IStringLocalizer<SharedResource> text) : PageModel
{
    public RoadshowDetails Roadshow { get; private set; } = default!;

    public RoadshowViewer Viewer { get; private set; } = new(false, null, false, false, [], []);

    public bool IsPartner => User.IsInRole(Roles.PartnerMember);

    /// <summary>The project whose scoring form was just posted (its errors are shown beside it).</summary>
    public Guid? PostedProject { get; private set; }

    [BindProperty]
    public ScoreInput Score { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRsvpAsync(Guid id, CancellationToken ct) =>
        User.UserId() is null ? Challenge() : await AfterAsync(id, await rsvp.RsvpAsync(id, User, ct), text["报名成功，到时见"], ct);

    public async Task<IActionResult> OnPostCancelRsvpAsync(Guid id, CancellationToken ct) =>
        User.UserId() is null ? Challenge() : await AfterAsync(id, await rsvp.CancelAsync(id, User, ct), text["已取消报名"], ct);

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        PostedProject = Score.ProjectId;
        var result = await scores.HandleAsync(new ScoreProjectCommand(id, Score.ProjectId, Score.Need, Score.Feasibility, Score.Benefit, Score.Comment), User, ct);
        return await AfterAsync(id, result, text["评分已保存，评分结束前可以修改"], ct, "Score", $"#project-{Score.ProjectId}");
    }

    public async Task<IActionResult> OnPostInterestAsync(Guid id, Guid projectId, CancellationToken ct) =>
        User.UserId() is null ? Challenge() : await AfterAsync(id, await interests.HandleAsync(id, projectId, User, ct), text["已告诉项目所在社区，你有意合作"], ct);

    public Task<IActionResult> OnPostOpenScoringAsync(Guid id, CancellationToken ct) => ManageAsync(id, "open-scoring", text["评分已开始"], ct);

    public Task<IActionResult> OnPostCloseScoringAsync(Guid id, CancellationToken ct) => ManageAsync(id, "close-scoring", text["评分已结束，结果已公布"], ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => ManageAsync(id, "cancel", text["路演已取消，已报名的人会在页面上看到原因"], ct);

    private async Task<IActionResult> ManageAsync(Guid id, string move, string success, CancellationToken ct) =>
        await AfterAsync(id, await manage.HandleAsync(new ManageRoadshowCommand(id, move, Reason), User, ct), success, ct, "");

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string success, CancellationToken ct, string prefix = "Input", string anchor = "")
    {
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = success;
            return Redirect($"/roadshows/{id}{anchor}");
        }

        ModelState.AddResult(result, text, prefix);

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var roadshow = await reader.FindAsync(id, ct);
        if (roadshow is null)
        {
            return false;
        }

        Roadshow = roadshow;
        Viewer = await reader.ViewerAsync(roadshow, User, ct);
        return true;
    }
}

public sealed class ScoreInput
{
    public Guid? ProjectId { get; set; }

    public int? Need { get; set; }

    public int? Feasibility { get; set; }

    public int? Benefit { get; set; }

    public string? Comment { get; set; }
}
