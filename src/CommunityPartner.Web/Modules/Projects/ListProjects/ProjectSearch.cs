using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.ListProjects;

public sealed record ProjectListQuery(Guid? CommunityId, ProjectStatus? Status, Guid? CategoryId, string? Q, string? Cursor, int Limit);

public sealed record ProjectListRow(Guid Id, Guid CommunityId, Guid CategoryId, string Title, string Summary, ProjectStatus Status,
    OperatingModel Model, long BudgetYuan, DateTime PublishedAt, Guid? CoverPhotoId, int AskCount, int NeedCount);

public sealed record ProjectListPage(IReadOnlyList<ProjectListRow> Items, string? NextCursor);

/// <summary>
/// The public project list: published projects only, newest first, in keyset pages (published time, id). A district
/// has hundreds of projects, not millions, so the search is a plain substring match over title and summary.
/// </summary>
public sealed class ProjectSearch(AppDbContext db)
{
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 30;

    public async Task<ProjectListPage> PageAsync(ProjectListQuery request, CancellationToken ct)
    {
        var limit = Math.Clamp(request.Limit, 1, MaxLimit);
        var query = Filtered(request.CommunityId, request.CategoryId, request.Q);
        if (request.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (KeysetCursor.TryDecode(request.Cursor, out var at, out var id))
        {
            query = query.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(limit + 1)
            .Select(p => new ProjectListRow(p.Id, p.CommunityId, p.CategoryId, p.Title, p.Summary, p.Status, p.Model, p.BudgetYuan,
                p.PublishedAt!.Value, p.CoverPhotoId, p.Asks.Count, p.Needs.Count(n => n.UnlinkedAt == null)))
            .ToListAsync(ct);
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].PublishedAt, rows[limit - 1].Id) : null;
        return new ProjectListPage([.. rows.Take(limit)], next);
    }

    /// <summary>How many public projects are in each state, for the same community, category and search.</summary>
    public async Task<Dictionary<ProjectStatus, int>> CountsAsync(Guid? communityId, Guid? categoryId, string? q, CancellationToken ct) =>
        await Filtered(communityId, categoryId, q).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private IQueryable<Project> Filtered(Guid? communityId, Guid? categoryId, string? q)
    {
        var query = db.Set<Project>().AsNoTracking().Where(p => p.Status != ProjectStatus.Draft && p.PublishedAt != null);
        if (communityId is { } c)
        {
            query = query.Where(p => p.CommunityId == c);
        }

        if (categoryId is { } cat)
        {
            query = query.Where(p => p.CategoryId == cat);
        }

#pragma warning disable CA1862 // ToLower().Contains translates to SQL on both databases; a StringComparison overload does not.
        foreach (var term in Terms(q))
        {
            query = query.Where(p => p.Title.ToLower().Contains(term) || p.Summary.ToLower().Contains(term));
        }
#pragma warning restore CA1862

        return query;
    }

    private static IEnumerable<string> Terms(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? []
            : q.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(5)
                .Select(t => t.Length > MaxQueryLength ? t[..MaxQueryLength] : t);
}
