using System.Diagnostics;
using System.Globalization;
using CommunityPartner.Bench.Generation;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Reconcile;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

/// <summary>
/// The bill mode's points part (<c>--transfers N</c>, PostgreSQL): N transfers bulk-loaded by <see cref="PointsLoad"/>
/// through the PointsTally triggers; the aggregates checked against a GROUP BY of every transfer and the ledger
/// reconciled; then the bill's points figures measured from the aggregates and, for comparison, from the transfers.
/// </summary>
public static class PointsBillBench
{
    private const int Chunk = 1_000_000;
    private static readonly System.Text.CompositeFormat ChunkSql = System.Text.CompositeFormat.Parse(PointsLoad.Chunk);

    public static async Task LoadAndVerifyAsync(IServiceProvider services, long transfers, Action<string> say)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(7200);
        var clock = Stopwatch.StartNew();
        var loaded = await db.Set<PointsTransfer>().LongCountAsync(t => t.ReferenceType == "bench");
        if (loaded < transfers)
        {
            say($"Loading {transfers - loaded:N0} transfers ({PointsLoad.Residents:N0} residents, {PointsLoad.Merchants} merchants, 2025)…");
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(PointsLoad.Accounts);
            for (var from = loaded + 1; from <= transfers; from += Chunk)
            {
                await db.Database.ExecuteSqlRawAsync(string.Format(CultureInfo.InvariantCulture, ChunkSql, from, Math.Min(from + Chunk, transfers + 1)));
                Console.WriteLine($"  … {Math.Min(from + Chunk - 1, transfers):N0} in {clock.Elapsed:mm\\:ss}");
            }

            await db.Database.ExecuteSqlRawAsync(PointsLoad.Balances);
            await db.Database.CloseConnectionAsync();
            say($"Loaded in {clock.Elapsed:mm\\:ss} (the triggers kept the aggregates, chunk by chunk).");
        }

        clock.Restart();
        var differences = await db.Database.SqlQueryRaw<long>(PointsLoad.Differences).SingleAsync();
        var total = await db.Set<PointsTransfer>().LongCountAsync();
        say(differences == 0
            ? $"Verified in {clock.Elapsed.TotalSeconds:F1} s: points_monthly and points_active equal a GROUP BY of all {total:N0} transfers."
            : $"POINTS AGGREGATES DIFFER FROM A RECOUNT: {differences} rows.");
        clock.Restart();
        var report = await new Reconciliation(db).RunAsync(default);
        say($"points reconcile: {(report.IsClean ? "clean" : string.Join("; ", report.Breaks.Take(5)))} ({report.Transfers:N0} transfers, {clock.Elapsed.TotalSeconds:F1} s).");
    }

    public static IEnumerable<(string Name, Func<IServiceProvider, Task> Run, int MaxCalls)> Cases(CommunityInfo community, BillPeriod year) =>
    [
        ("points figures, district-year (aggregates)", s => s.GetRequiredService<IPointsFacts>().FiguresAsync(null, year.StartUtc, year.EndUtc, default), 500),
        ("points figures, community-year (aggregates)", s => s.GetRequiredService<IPointsFacts>().FiguresAsync(community.Id, year.StartUtc, year.EndUtc, default), 500),
        ("points figures, district-year from the transfers (before)", async s =>
        {
            var facts = s.GetRequiredService<IPointsFacts>();
            await facts.IssuedAsync(null, year.StartUtc, year.EndUtc, default);
            await facts.RedeemedAsync(null, year.StartUtc, year.EndUtc, default);
        }, 3),
    ];
}
