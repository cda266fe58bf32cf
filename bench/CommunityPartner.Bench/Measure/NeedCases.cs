using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

/// <summary>One thing the public list does, run through the app's own <see cref="NeedSearch"/>; returns the rows it got.</summary>
public sealed record BenchCase(string Name, Func<NeedSearch, Task<int>> Run);

/// <summary>
/// The public list's queries as the page and the API issue them (20 rows a page), with filter codes resolved by the
/// app's <see cref="NeedFilter"/>.
/// </summary>
public static class NeedCases
{
    public const int PageSize = 20;

    public static async Task<IReadOnlyList<BenchCase>> BuildAsync(IServiceProvider services)
    {
        var all = await FilterAsync(services, null, null, null);
        var community = await FilterAsync(services, "shangma", null, null);
        var status = await FilterAsync(services, null, "in_progress", null);
        var category = await FilterAsync(services, null, null, "parking-traffic");
        var communityStatus = await FilterAsync(services, "shangma", "in_progress", null);

        var cases = new List<BenchCase>
        {
            Page("first page", all, null),
            Page("community (shangma)", community, null),
            Page("status (in_progress)", status, null),
            Page("category (parking-traffic)", category, null),
            Page("community + status", communityStatus, null),
            Page("search 停车 (2 chars)", all, "停车"),
            Page("search 灯 (1 char)", all, "灯"),
            Page("search 消防通道 (4 chars)", all, "消防通道"),
            Page("search A栋 (mixed)", all, "A栋"),
            Page("search 停车 + community", community, "停车"),
            Page("search A栋 漏水 (two terms)", all, "A栋 漏水"),
            Page("search 停车 养老 (no need has both)", all, "停车 养老"),
            new("counts: all", s => CountAsync(s, all, null)),
            new("counts: community", s => CountAsync(s, community, null)),
            new("counts: search 停车", s => CountAsync(s, all, "停车")),
        };

        // Deep pages follow the real cursor, right after their first pages in the table. 10 k needs hold about 840 that
        // mention 停车, so its deep page is page 21.
        foreach (var (name, filter, q, pages) in new[] { ("first page", all, (string?)null, 50), ("community (shangma)", community, null, 50), ("search 停车 (2 chars)", all, "停车", 20) })
        {
            var cursor = await CursorAtAsync(services, filter, q, pages);
            cases.Insert(cases.FindIndex(c => c.Name == name) + 1, new($"{name}, page {pages + 1}", s => PageAsync(s, filter, q, cursor)));
        }

        return cases;
    }

    private static BenchCase Page(string name, NeedFilter filter, string? q) => new(name, s => PageAsync(s, filter, q, null));

    private static async Task<int> PageAsync(NeedSearch search, NeedFilter f, string? q, string? cursor) =>
        (await search.PageAsync(new NeedListQuery(f.CommunityId, f.Status, f.CategoryId, q, cursor, PageSize), CancellationToken.None)).Items.Count;

    private static async Task<int> CountAsync(NeedSearch search, NeedFilter f, string? q) =>
        (await search.CountsAsync(f.CommunityId, f.CategoryId, q, CancellationToken.None)).Total;

    private static async Task<NeedFilter> FilterAsync(IServiceProvider services, string? community, string? status, string? category)
    {
        await using var scope = services.CreateAsyncScope();
        var errors = new ValidationErrors();
        var filter = await NeedFilter.ResolveAsync(community, status, category,
            scope.ServiceProvider.GetRequiredService<ICommunityDirectory>(), scope.ServiceProvider.GetRequiredService<AppDbContext>(), errors, CancellationToken.None);
        return errors.IsValid ? filter : throw new InvalidOperationException($"Filter {community}/{status}/{category} did not resolve.");
    }

    /// <summary>The cursor the list hands out after <paramref name="pages"/> pages, by paging with the app's own code.</summary>
    private static async Task<string?> CursorAtAsync(IServiceProvider services, NeedFilter f, string? q, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<NeedSearch>()
                .PageAsync(new NeedListQuery(f.CommunityId, f.Status, f.CategoryId, q, cursor, PageSize), CancellationToken.None);
            cursor = page.NextCursor ?? throw new InvalidOperationException($"Fewer than {pages} pages for {q ?? "the list"}.");
        }

        return cursor;
    }
}
