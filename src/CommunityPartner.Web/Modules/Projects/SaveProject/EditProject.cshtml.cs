using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.SaveProject;

[CommunityScope("project", "id")]
public sealed class EditProjectModel(SaveProjectHandler handler, AppDbContext db, ICommunityDirectory communities, INeedLinks needs, IStringLocalizer<SharedResource> text)
    : ProjectFormModel(communities, needs, text)
{
    public override bool IsNew => false;

    public Guid Id { get; private set; }

    public string ProjectTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var project = await LoadAsync(id, ct);
        if (project is null)
        {
            return NotFound();
        }

        var categories = await Needs.CategoriesAsync(ct);
        Input = new ProjectForm
        {
            CategoryCode = categories.FirstOrDefault(c => c.Id == project.CategoryId)?.Code,
            Title = project.Title,
            Summary = project.Summary,
            Description = project.Description,
            Address = project.Address,
            Model = ProjectText.ModelCode(project.Model),
            UpkeepPlan = project.UpkeepPlan,
            BudgetYuan = project.BudgetYuan,
            Asks = [.. project.Asks.OrderBy(a => a.SortOrder).Select(a => new AskForm { Id = a.Id, Kind = ProjectText.KindCode(a.Kind), Title = a.Title, Hours = a.Hours, Yuan = a.Yuan, IsKey = a.IsKey })],
            NeedIds = [.. project.LinkedNeedIds],
        };
        await LoadOptionsAsync(project.CommunityId, Input.NeedIds, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? cover, CancellationToken ct)
    {
        var project = await LoadAsync(id, ct);
        if (project is null)
        {
            return NotFound();
        }

        var result = await handler.EditAsync(id, Input.ToInput(), CoverOf(cover), User, ct);
        if (!result.IsOk)
        {
            AddErrors(result);
            await LoadOptionsAsync(project.CommunityId, [.. project.LinkedNeedIds], ct);
            return Page();
        }

        TempData["Flash"] = Text["项目已保存。"].Value;
        return Redirect($"/projects/{id}");
    }

    private async Task<Project?> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().Include(p => p.Asks).Include(p => p.Needs).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !ProjectPeople.CanManage(User, project.CommunityId))
        {
            return null;
        }

        Id = project.Id;
        ProjectTitle = project.Title;
        return project;
    }
}
