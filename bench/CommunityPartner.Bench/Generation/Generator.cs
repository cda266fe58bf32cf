using System.Diagnostics;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Generation;

/// <summary>
/// Fills a database with <c>size</c> needs over three years, on top of the app's migrations and demo seed. Needs are
/// raised in time order, in batches, and written with everything the app stores with them: events, ratings and
/// search-index entries.
/// </summary>
public static class Generator
{
    public const int Seed = 20261128;
    private const int BatchSize = 10_000;

    /// <param name="span">The span to raise needs in; the last three years to now when null.</param>
    /// <param name="searchGrams">Write the search index's rows; the bill mode skips them (the bill never reads them).</param>
    public static async Task GenerateAsync(IServiceProvider services, DatabaseProvider provider, string connectionString, int size, (DateTime Start, DateTime End)? span = null, bool searchGrams = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var communities = await scope.ServiceProvider.GetRequiredService<ICommunityDirectory>().ListAsync(CancellationToken.None);
        var categories = await db.Set<NeedCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        var end = span?.End ?? DateTime.UtcNow;
        var start = span?.Start ?? end.AddYears(-3);
        var factory = new NeedFactory(communities, categories, end, Seed);
        var random = new Random(Seed + 1);

        BulkTable needs = BulkTable.For<Need>(db), events = BulkTable.For<NeedEvent>(db),
            ratings = BulkTable.For<NeedRating>(db), grams = BulkTable.For<NeedSearchGram>(db);
        await using IBulkSink sink = provider == DatabaseProvider.Sqlite ? new SqliteSink(connectionString) : new PostgresSink(connectionString);
        var clock = Stopwatch.StartNew();
        await sink.BeginAsync([needs, events, ratings, grams]);
        long gramCount = 0, eventCount = 0;
        for (var done = 0; done < size; done += BatchSize)
        {
            factory.NewBatch();
            var batch = new List<Need>(BatchSize);
            for (var i = done; i < Math.Min(done + BatchSize, size); i++)
            {
                // Evenly spread over the span, in raise order, at a random instant within each need's slot.
                var at = start.AddTicks((long)((end - start).Ticks * ((i + random.NextDouble()) / size)));
                batch.Add(factory.Make(at));
            }

            await sink.WriteAsync(needs, batch);
            await sink.WriteAsync(events, [.. batch.SelectMany(n => n.Events)]);
            await sink.WriteAsync(ratings, [.. batch.SelectMany(n => n.Ratings)]);
            // In key order, so each batch walks the grams' primary-key index once instead of jumping around in it.
            List<NeedSearchGram> batchGrams = !searchGrams ? [] : batch.SelectMany(n => n.SearchGrams)
                .OrderBy(g => g.Gram, StringComparer.Ordinal).ThenBy(g => g.NeedId.ToString().ToUpperInvariant(), StringComparer.Ordinal).ToList();
            await sink.WriteAsync(grams, batchGrams);
            await sink.FlushAsync();
            gramCount += batchGrams.Count;
            eventCount += batch.Sum(n => n.Events.Count);
            if ((done + BatchSize) % 100_000 == 0)
            {
                Console.WriteLine($"  {done + BatchSize:N0} needs, {eventCount:N0} events, {gramCount:N0} search grams, {clock.Elapsed:mm\\:ss}");
            }
        }

        Console.WriteLine($"  rows written in {clock.Elapsed:mm\\:ss}; rebuilding indexes");
        await sink.FinishAsync();
        Console.WriteLine($"Generated {size:N0} needs, {eventCount:N0} events, {gramCount:N0} search grams in {clock.Elapsed:mm\\:ss}.");
    }
}
