using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.SaveProject;

/// <summary>One ask line on the form.</summary>
public sealed class AskForm
{
    public Guid? Id { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public int? Hours { get; set; }

    public long? Yuan { get; set; }

    public bool IsKey { get; set; } = true;

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Title) && Hours is null && Yuan is null;
}

public sealed class ProjectForm
{
    public string? CommunityCode { get; set; }

    public string? CategoryCode { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Address { get; set; }

    public string? Model { get; set; } = "dual_wheel";

    public string? UpkeepPlan { get; set; }

    public long? BudgetYuan { get; set; }

    public List<AskForm> Asks { get; set; } = [];

    public List<Guid> NeedIds { get; set; } = [];

    public ProjectInput ToInput() => new(
        CommunityCode, CategoryCode, Title, Summary, Description, Address, null, null, Model, UpkeepPlan, BudgetYuan,
        [.. Asks.Where(a => !a.IsBlank).Select(a => new AskInput(a.Id, a.Kind, a.Title, a.Hours, a.Yuan, a.IsKey))], NeedIds);
}

/// <summary>The create and edit pages share this form: fields, ask lines (three blank ones to fill) and the needs to answer.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(8 * 1024 * 1024)]
public abstract class ProjectFormModel(ICommunityDirectory communities, INeedLinks needs, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int BlankAskLines = 3;

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CommunityOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CategoryOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ModelOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> KindOptions { get; private set; } = [];

    public IReadOnlyList<NeedBrief> NeedChoices { get; private set; } = [];

    public bool ChoosesCommunity => User.IsInRole(Roles.DistrictAdmin);

    public abstract bool IsNew { get; }

    protected IStringLocalizer<SharedResource> Text => text;

    protected ICommunityDirectory Communities => communities;

    protected INeedLinks Needs => needs;

    protected async Task LoadOptionsAsync(Guid? communityId, IReadOnlyCollection<Guid> linked, CancellationToken ct)
    {
        var list = await communities.ListAsync(ct);
        CommunityOptions = [new SelectListItem(text["请选择"], ""), .. list.Select(c => new SelectListItem(c.DisplayName, c.Code))];
        var categories = await needs.CategoriesAsync(ct);
        CategoryOptions = [new SelectListItem(text["请选择"], ""), .. categories.Where(c => c.IsActive || c.Code == Input.CategoryCode).Select(c => new SelectListItem(c.DisplayName, c.Code))];
        ModelOptions = [.. Enum.GetValues<OperatingModel>().Select(m => new SelectListItem(text[ProjectText.ModelKey(m)], ProjectText.ModelCode(m)))];
        KindOptions = [.. Enum.GetValues<ResourceKind>().Select(k => new SelectListItem(text[ProjectText.KindKey(k)], ProjectText.KindCode(k)))];
        communityId ??= Input.CommunityCode is { Length: > 0 } code ? (await communities.FindByCodeAsync(code, ct))?.Id : null;
        if (communityId is { } id)
        {
            var open = await needs.ListLinkableAsync(id, 50, ct);
            var current = await needs.FindAsync([.. linked.Concat(Input.NeedIds).Distinct()], ct);
            NeedChoices = [.. current.Concat(open).DistinctBy(n => n.Id)];
        }

        while (Input.Asks.Count(a => a.IsBlank) < BlankAskLines && Input.Asks.Count < Project.MaxAsks)
        {
            Input.Asks.Add(new AskForm { Kind = null, IsKey = true });
        }
    }

    protected static PhotoUpload? CoverOf(IFormFile? cover) =>
        cover is null || cover.Length == 0 ? null : new PhotoUpload(cover.FileName, cover.Length, cover.OpenReadStream);

    /// <summary>Maps the handler's errors onto the form; ask-line errors land on their row.</summary>
    protected void AddErrors<T>(Result<T> result)
    {
        // Ask lines were sent without the blank rows, so the handler's indexes are those of the filled rows.
        var filled = Input.Asks.Select((a, i) => (a, i)).Where(x => !x.a.IsBlank).Select(x => x.i).ToList();
        ModelState.AddResult(result, text, field: name =>
        {
            var close = name.IndexOf(']', StringComparison.Ordinal);
            return name.StartsWith("asks[", StringComparison.Ordinal) && int.TryParse(name[5..close], out var index) && index < filled.Count
                ? $"Asks[{filled[index]}]{name[(close + 1)..]}"
                : name;
        });
    }
}
