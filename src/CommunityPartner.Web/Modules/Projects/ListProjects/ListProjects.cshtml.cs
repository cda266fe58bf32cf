using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Projects.ListProjects;

public sealed class ListProjectsModel(ProjectSearch search, ICommunityDirectory communities, INeedLinks needs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ProjectListPage Results { get; private set; } = new([], null);

    public IReadOnlyDictionary<ProjectStatus, int> Counts { get; private set; } = new Dictionary<ProjectStatus, int>();

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public IReadOnlyList<CategoryBrief> Categories { get; private set; } = [];

    public bool FilterError { get; private set; }

    public string CommunityName(Guid id) => Communities.FirstOrDefault(c => c.Id == id)?.DisplayName ?? "";

    public string CategoryName(Guid id) => Categories.FirstOrDefault(c => c.Id == id)?.DisplayName ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = await ProjectFilter.ResolveAsync(Community, Status, Category, communities, needs, errors, ct);
        FilterError = !errors.IsValid;
        Communities = await communities.ListAsync(ct);
        Categories = await needs.CategoriesAsync(ct);
        if (!FilterError)
        {
            Results = await search.PageAsync(new ProjectListQuery(filter.CommunityId, filter.Status, filter.CategoryId, Q, Cursor, 12), ct);
            Counts = await search.CountsAsync(filter.CommunityId, filter.CategoryId, Q, ct);
        }
    }

    public string LinkWith(string? status = null, string? cursor = null, bool keepStatus = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["community"] = Community,
            ["category"] = Category,
            ["q"] = Q,
            ["status"] = keepStatus ? Status : status,
            ["cursor"] = cursor,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/projects", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
