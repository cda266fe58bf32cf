using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

/// <summary>
/// Needs per status, for the list's tabs. <see cref="AtLeast"/>: the search had more candidates than are counted, so
/// each number is a lower bound (shown as "1000+").
/// </summary>
public sealed record NeedCounts(IReadOnlyDictionary<NeedStatus, int> ByStatus, bool AtLeast)
{
    public int Total => ByStatus.Values.Sum();

    public int this[NeedStatus status] => ByStatus.GetValueOrDefault(status);
}

public sealed partial class NeedSearch
{
    /// <summary>How many of a search's candidates (its rarest pair's newest index entries) the tabs count.</summary>
    public const int SearchCountCap = 1000;

    /// <summary>
    /// Without a search term, the maintained totals (<see cref="NeedStatusCount"/>): a few hundred rows whatever the
    /// number of needs. With one, the matches among the newest <see cref="SearchCountCap"/> entries of the term's
    /// rarest pair — exact when the pair has no more entries than that, a lower bound otherwise — because counting
    /// every match of a common word would read a large part of the table on each search.
    /// </summary>
    public async Task<NeedCounts> CountsAsync(Guid? communityId, Guid? categoryId, string? q, CancellationToken ct)
    {
        var anchor = await AnchorGramAsync(q, ct);
        if (anchor is null && Terms(q).Count > 0)
        {
            // Terms the index has no pairs for (punctuation such as "%"): the page reads the table itself, and so do
            // the counts, up to the same cap.
            var matches = Filter(communityId, null, categoryId, q);
            var found = await matches.OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Take(SearchCountCap)
                .GroupBy(n => n.Status)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            return new NeedCounts(found, AtLeast: await matches.Skip(SearchCountCap).AnyAsync(ct));
        }

        if (anchor is null)
        {
            var totals = db.Set<NeedStatusCount>().AsNoTracking();
            if (communityId is { } c)
            {
                totals = totals.Where(x => x.CommunityId == c);
            }

            if (categoryId is { } cat)
            {
                totals = totals.Where(x => x.CategoryId == cat);
            }

            return new NeedCounts(
                await totals.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count, ct),
                AtLeast: false);
        }

        var entries = db.Set<NeedSearchGram>().AsNoTracking().Where(g => g.Gram == anchor);
        var newest = entries.OrderByDescending(g => g.SubmittedAt).ThenByDescending(g => g.NeedId).Take(SearchCountCap);
        var counts = await newest
            .Join(Filter(communityId, null, categoryId, q), g => g.NeedId, n => n.Id, (g, n) => n.Status)
            .GroupBy(s => s)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var more = await entries.OrderBy(g => g.NeedId).Skip(SearchCountCap).AnyAsync(ct);
        return new NeedCounts(counts, AtLeast: more);
    }
}
