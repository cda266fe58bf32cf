using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

public sealed class ListNeedsModel(NeedSearch search, ICommunityDirectory communities, AppDbContext db, TimeProvider clock) : PageModel
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

    public NeedListPage Results { get; private set; } = new([], null);

    public NeedCounts Counts { get; private set; } = new(new Dictionary<NeedStatus, int>(), AtLeast: false);

    public IReadOnlyList<CommunityInfo> Communities { get; private set; } = [];

    public IReadOnlyList<NeedCategory> Categories { get; private set; } = [];

    public Dictionary<Guid, string> CommunityNames { get; private set; } = [];

    public Dictionary<Guid, string> CategoryNames { get; private set; } = [];

    public DateTime Now { get; private set; }

    public bool FilterError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = await NeedFilter.ResolveAsync(Community, Status, Category, communities, db, errors, ct);
        FilterError = !errors.IsValid;
        Communities = await communities.ListAsync(ct);
        Categories = await db.Set<NeedCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        (CommunityNames, CategoryNames) = await NeedFilter.NamesAsync(communities, db, ct);
        Now = clock.GetUtcNow().UtcDateTime;
        if (!FilterError)
        {
            Results = await search.PageAsync(new NeedListQuery(filter.CommunityId, filter.Status, filter.CategoryId, Q, Cursor, 20), ct);
            Counts = await search.CountsAsync(filter.CommunityId, filter.CategoryId, Q, ct);
        }

        return Page();
    }

    /// <summary>The export of what the list shows now (same filters, every page).</summary>
    public string ExportLink(string format)
    {
        var query = new Dictionary<string, string?> { ["community"] = Community, ["category"] = Category, ["q"] = Q, ["status"] = Status, ["format"] = format };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/needs/export", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
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
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/needs", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
