using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

public sealed record NeedListQuery(Guid? CommunityId, NeedStatus? Status, Guid? CategoryId, string? Q, string? Cursor, int Limit);

public sealed record NeedListRow(Guid Id, Guid CommunityId, Guid CategoryId, string Title, string Address, NeedStatus Status,
    DateTime SubmittedAt, DateTime RespondBy, DateTime ResolveBy, DateTime? FirstRespondedAt, int SupportCount);

public sealed record NeedListPage(IReadOnlyList<NeedListRow> Items, string? NextCursor);

/// <summary>
/// The problem list: filters, search and keyset pages (newest first, by submitted time then id) so page 1,000 costs
/// what page 1 does. Search matches a lower-cased copy of title, description and address as a substring, which finds
/// one- and two-character Chinese terms (垃圾, 停车) as well as Latin words, on both databases.
/// </summary>
public sealed partial class NeedSearch(AppDbContext db)
{
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 50;
    private const int AnchorCountCap = 256;

    public IQueryable<Need> Filter(Guid? communityId, NeedStatus? status, Guid? categoryId, string? q)
    {
        var query = db.Set<Need>().AsNoTracking();
        if (communityId is { } c)
        {
            query = query.Where(n => n.CommunityId == c);
        }

        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        if (categoryId is { } cat)
        {
            query = query.Where(n => n.CategoryId == cat);
        }

        foreach (var term in Terms(q))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            query = query.Where(n => EF.Functions.Like(n.SearchText, pattern, "\\"));
        }

        return query;
    }

    public async Task<NeedListPage> PageAsync(NeedListQuery request, CancellationToken ct)
    {
        var limit = Math.Clamp(request.Limit, 1, MaxLimit);
        KeysetCursor.TryDecode(request.Cursor, out var at, out var id);
        var hasCursor = at != default;
        var anchor = await AnchorGramAsync(request.Q, ct);
        List<NeedListRow> rows;
        if (anchor is null)
        {
            var query = Filter(request.CommunityId, request.Status, request.CategoryId, request.Q);
            if (hasCursor)
            {
                // "≤ at" says the same as the OR but is a range PostgreSQL can seek in the index; the OR alone is only
                // a filter there, read from the newest row on, so page 1,000 would cost fifty times page 20.
                query = query.Where(n => n.SubmittedAt <= at && (n.SubmittedAt < at || n.Id.CompareTo(id) < 0));
            }

            rows = await query
                .OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id)
                .Take(limit + 1)
                .Select(Row)
                .ToListAsync(ct);
        }
        else
        {
            // Walk the index entries of the term's rarest pair newest-first; the LIKE filter then checks the whole term.
            var grams = db.Set<NeedSearchGram>().AsNoTracking().Where(g => g.Gram == anchor);
            if (hasCursor)
            {
                grams = grams.Where(g => g.SubmittedAt <= at && (g.SubmittedAt < at || g.NeedId.CompareTo(id) < 0));
            }

            var needs = Filter(request.CommunityId, request.Status, request.CategoryId, request.Q);
            rows = await grams
                .OrderByDescending(g => g.SubmittedAt).ThenByDescending(g => g.NeedId)
                .Join(needs, g => g.NeedId, n => n.Id, (g, n) => n)
                .Take(limit + 1)
                .Select(Row)
                .ToListAsync(ct);
        }

        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].SubmittedAt, rows[limit - 1].Id) : null;
        return new NeedListPage(rows.Take(limit).ToList(), next);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Need, NeedListRow>> Row = n =>
        new NeedListRow(n.Id, n.CommunityId, n.CategoryId, n.Title, n.Address, n.Status, n.SubmittedAt, n.RespondBy, n.ResolveBy, n.FirstRespondedAt, n.SupportCount);

    /// <summary>
    /// Of all pairs in the search terms, the one with fewest index entries. Entries are counted up to
    /// <see cref="AnchorCountCap"/>, in one query for all pairs: enough to tell a rare pair from a common one, and
    /// the same work at 10 k needs as at 1 M. Null when there is nothing to search for.
    /// </summary>
    private async Task<string?> AnchorGramAsync(string? q, CancellationToken ct)
    {
        var grams = Terms(q).SelectMany(NeedSearchGram.CandidatesFor).Distinct().Take(12).ToList();
        if (grams.Count == 0)
        {
            return null;
        }

        var entries = grams
            .Select(gram => db.Set<NeedSearchGram>().Where(g => g.Gram == gram).OrderBy(g => g.NeedId).Take(AnchorCountCap).Select(g => g.Gram))
            .Aggregate(Queryable.Concat);
        var counts = await entries.GroupBy(g => g).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // A pair with no entries wins (nothing can match); ties go to the earlier pair.
        return grams.MinBy(g => counts.GetValueOrDefault(g));
    }

    /// <summary>Whitespace-separated terms, lower-cased, each at most <see cref="MaxQueryLength"/> characters.</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? []
            : [.. q.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(5).Select(t => t.Length > MaxQueryLength ? t[..MaxQueryLength] : t)];

    private static string EscapeLike(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
