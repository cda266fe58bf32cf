using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

public static class ListNeedsEndpoint
{
    public sealed record NeedSummaryDto(
        Guid Id, string Community, string Category, string Title, string Address, string Status,
        DateTime SubmittedAt, bool Overdue, int SupportCount);

    /// <param name="CountsAtLeast">True when a search had more candidates than are counted: each count is a lower bound.</param>
    public sealed record NeedListDto(IReadOnlyList<NeedSummaryDto> Items, string? NextCursor, IReadOnlyDictionary<string, int> Counts, bool CountsAtLeast);

    public sealed record SimilarNeedDto(Guid Id, string Title, string Status, int SupportCount);

    public static RouteGroupBuilder MapListNeeds(this RouteGroupBuilder api)
    {
        api.MapGet("/needs", async (
            string? community, string? status, string? category, string? q, string? cursor, int? limit,
            NeedSearch search, ICommunityDirectory communities, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var filter = await NeedFilter.ResolveAsync(community, status, category, communities, db, errors, ct);
            if (limit is < 1 or > NeedSearch.MaxLimit)
            {
                errors.Add("limit", "每页条数须在 1 到 {0} 之间", NeedSearch.MaxLimit);
            }

            if (!string.IsNullOrEmpty(cursor) && !KeysetCursor.TryDecode(cursor, out _, out _))
            {
                errors.Add("cursor", "翻页参数无效，请从第一页重新开始");
            }

            if (!errors.IsValid)
            {
                return ApiResults.Validation(errors, text);
            }

            var page = await search.PageAsync(new NeedListQuery(filter.CommunityId, filter.Status, filter.CategoryId, q, cursor, limit ?? 20), ct);
            var counts = await search.CountsAsync(filter.CommunityId, filter.CategoryId, q, ct);
            var names = await NeedFilter.NamesAsync(communities, db, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            return Results.Ok(new NeedListDto(
                [.. page.Items.Select(n => new NeedSummaryDto(n.Id, names.Communities.GetValueOrDefault(n.CommunityId, ""), names.Categories.GetValueOrDefault(n.CategoryId, ""),
                    n.Title, n.Address, NeedText.StatusCode(n.Status), n.SubmittedAt, NeedFilter.IsOverdue(n, now), n.SupportCount))],
                page.NextCursor,
                Enum.GetValues<NeedStatus>().ToDictionary(NeedText.StatusCode, s => counts[s]),
                counts.AtLeast));
        })
        .WithName("ListNeeds")
        .WithSummary("The public problem list: filter by community code, status, category code; search q; keyset pages (cursor).")
        .WithTags("Needs")
        .Produces<NeedListDto>()
        .ProducesValidationProblem();

        api.MapGet("/needs/similar", async (string? community, string? title, ICommunityDirectory communities, AppDbContext db, CancellationToken ct) =>
        {
            var c = string.IsNullOrWhiteSpace(community) ? null : await communities.FindByCodeAsync(community, ct);
            if (c is null || string.IsNullOrWhiteSpace(title))
            {
                return Results.Ok(Array.Empty<SimilarNeedDto>());
            }

            var open = await db.Set<Need>().AsNoTracking()
                .Where(n => n.CommunityId == c.Id && (n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress))
                .OrderByDescending(n => n.SubmittedAt).Take(500)
                .Select(n => new { n.Id, n.Title, n.Status, n.SupportCount }).ToListAsync(ct);
            var similar = open
                .Select(n => (n, Score: Similarity.Score(title, n.Title)))
                .Where(x => x.Score >= 0.25)
                .OrderByDescending(x => x.Score).ThenByDescending(x => x.n.SupportCount).Take(5)
                .Select(x => new SimilarNeedDto(x.n.Id, x.n.Title, NeedText.StatusCode(x.n.Status), x.n.SupportCount));
            return Results.Ok(similar.ToList());
        })
        .WithName("SimilarNeeds")
        .WithSummary("Open needs of a community whose titles resemble the given title (to support instead of duplicating).")
        .WithTags("Needs")
        .Produces<IReadOnlyList<SimilarNeedDto>>();
        return api;
    }
}

/// <summary>How alike two short Chinese titles are: the share of the typed title's character pairs found in the other.</summary>
public static class Similarity
{
    public static double Score(string typed, string other)
    {
        var a = Bigrams(typed);
        if (a.Count == 0)
        {
            return 0;
        }

        var b = Bigrams(other);
        return a.Count(b.Contains) / (double)a.Count;
    }

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            set.Add(new string(chars, i, 2));
        }

        return set;
    }
}
