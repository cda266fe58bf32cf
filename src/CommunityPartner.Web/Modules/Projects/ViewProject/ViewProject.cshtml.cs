using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Modules.Projects.MoveProject;
using CommunityPartner.Web.Modules.Projects.SaveProject;
using CommunityPartner.Web.Modules.Projects.TrackProject;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.ViewProject;

/// <summary>The project page: its story for everyone, and the staff panel for its community's staff.</summary>
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class ViewProjectModel(ProjectReader reader, IProjectSupportFigures support, IStringLocalizer<SharedResource> text) : PageModel
{
    public ProjectDetails Project { get; private set; } = default!;

    public bool CanManage { get; private set; }

    /// <summary>Pledged and delivered per ask, from signed cooperation intents and confirmed deliveries.</summary>
    public IReadOnlyDictionary<Guid, AskSupport> Support { get; private set; } = new Dictionary<Guid, AskSupport>();

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? move, [FromServices] MoveProjectHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, move, Input.Text, User, ct);
        return await AfterAsync(id, result, move switch
        {
            "publish" => "项目已发布，开始招募合伙人。",
            "start" => "项目已开始实施。",
            "complete" => "项目已完工，相关诉求已标记为已解决并请居民评价。",
            "operate" => "项目已进入运营。",
            _ => "项目已取消，相关诉求已回到社区待办。",
        }, ct);
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, [FromServices] TrackProjectHandler handler, CancellationToken ct)
    {
        var result = await handler.AddMilestoneAsync(id, new MilestoneInput(Input.MilestoneTitle, Input.PlannedOn), User, ct);
        return await AfterAsync(id, result, "节点已添加。", ct, field => field switch
        {
            "title" => "MilestoneTitle",
            _ => field,
        });
    }

    public async Task<IActionResult> OnPostReachAsync(Guid id, Guid milestoneId, [FromServices] TrackProjectHandler handler, CancellationToken ct)
    {
        var result = await handler.ReachMilestoneAsync(id, milestoneId, new ReachMilestoneInput(Input.ReachedOn, Input.Note), User, ct);
        return await AfterAsync(id, result, "节点已完成。", ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, List<IFormFile> photos, [FromServices] TrackProjectHandler handler, CancellationToken ct)
    {
        var result = await handler.PostUpdateAsync(id, Input.UpdateText, [.. photos.Select(f => new PhotoUpload(f.FileName, f.Length, f.OpenReadStream))], User, ct);
        return await AfterAsync(id, result, "进展已发布，关注相关诉求的居民会收到通知。", ct, field => field switch
        {
            "text" => "UpdateText",
            _ => field,
        });
    }

    public async Task<IActionResult> OnPostCoverAsync(Guid id, IFormFile? cover, [FromServices] SaveProjectHandler handler, CancellationToken ct)
    {
        var upload = cover is null || cover.Length == 0 ? null : new PhotoUpload(cover.FileName, cover.Length, cover.OpenReadStream);
        var result = await handler.SetCoverAsync(id, upload, User, ct);
        return await AfterAsync(id, result, "封面已更新。", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string done, CancellationToken ct, Func<string, string>? rename = null)
    {
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.Kind == ResultKind.Forbidden)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = text[done].Value;
            return Redirect($"/projects/{id}");
        }

        ModelState.AddResult(result, text, field: rename);

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await reader.FindAsync(id, User, ct) is not { } project)
        {
            return false;
        }

        Project = project;
        Support = await support.ForProjectAsync(id, ct);
        CanManage = ProjectPeople.CanManage(User, project.CommunityId);
        return true;
    }
}

public sealed class StaffInput
{
    public string? Text { get; set; }

    public string? MilestoneTitle { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public DateOnly? ReachedOn { get; set; }

    public string? Note { get; set; }

    public string? UpdateText { get; set; }
}
