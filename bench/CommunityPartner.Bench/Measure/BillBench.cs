using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunityPartner.Bench.Generation;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Bills.Dashboard;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Needs.Tallies;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

/// <summary>
/// The bill mode (issue 7, item 8): a database with N needs over the calendar year 2025 (Beijing time) across the
/// demo's 9 communities, generated once (no search-index rows: the bill never reads them); the needs' tallies
/// kept (ADR 0014) and checked against a full recount; then the district-year live bill, a community-year bill and
/// the dashboard measured through the app's own <see cref="BillReader"/> and <see cref="DashboardReader"/>.
/// </summary>
public static class BillBench
{
    public const string DatabaseName = "cp_bench_bill";

    /// <summary>With <c>--transfers N</c>: a copy of <see cref="DatabaseName"/> (PostgreSQL <c>CREATE DATABASE … TEMPLATE</c>) with N ledger transfers added.</summary>
    public const string PointsDatabaseName = "cp_bench_bill_points";
    private static readonly BillPeriod Year = new(BillPeriodKind.Year, 2025, 0);

    /// <param name="withBefore">Also time the old paths (per need, and the points from the transfers: minutes per call at 10 M transfers).</param>
    public static async Task<int> RunAsync(BenchOptions options, int size, long transfers = 0, bool withBefore = true)
    {
        var databaseName = transfers > 0 ? PointsDatabaseName : DatabaseName;
        if (transfers > 0)
        {
            if (options.Provider != DatabaseProvider.Postgres)
            {
                Console.Error.WriteLine("--transfers needs --provider postgres.");
                return 2;
            }

            await CopyDatabaseAsync(options.PostgresServer);
        }

        var connection = options.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDir, databaseName + ".db") }.ToString()
            : new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = databaseName, CommandTimeout = 7200 }.ToString();
        Directory.CreateDirectory(options.DataDir);
        var capture = new PlanCapture(options.Provider == DatabaseProvider.Postgres);
        await using var app = AppHost.Build(options.Provider, connection, capture);
        await AppHost.MigrateAndSeedAsync(app.Services);
        var log = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            log.AppendLine(line);
        }

        var clock = Stopwatch.StartNew();
        if (await AppHost.CountNeedsAsync(app.Services) < size)
        {
            Say($"Generating {size:N0} needs over {Year.Code} into {options.Provider} {DatabaseName}…");
            await Generator.GenerateAsync(app.Services, options.Provider, connection, size, (Year.StartUtc, Year.EndUtc), searchGrams: false);
            Say($"Generated in {clock.Elapsed:mm\\:ss}.");

            // The bulk load runs with triggers off (session_replication_role = replica): record every need as changed,
            // as the Perf migration's backfill does, so the first refresh keeps every cell.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(3600);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM needs_tally_changes; DELETE FROM needs_tallies");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO needs_tally_changes (\"CommunityId\", \"SubmittedAt\") SELECT \"CommunityId\", \"SubmittedAt\" FROM needs_needs");

            // The overdue days likewise, as the OverdueDays migration's backfill computes them.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM needs_overdue_days");
            await db.Database.ExecuteSqlRawAsync(options.Provider == DatabaseProvider.Postgres
                ? """
                  INSERT INTO needs_overdue_days ("CommunityId", "Day", "Count")
                  SELECT "CommunityId", needs_overdue_day("RespondBy", "ResolveBy", "FirstRespondedAt"), COUNT(*) FROM needs_needs
                  WHERE "Status" IN (0, 1, 2) GROUP BY 1, 2
                  """
                : """
                  INSERT INTO needs_overdue_days ("CommunityId", "Day", "Count")
                  SELECT "CommunityId", CAST(replace(substr(CASE WHEN "FirstRespondedAt" IS NULL AND "RespondBy" < "ResolveBy" THEN "RespondBy" ELSE "ResolveBy" END, 1, 10), '-', '') AS INTEGER), COUNT(*)
                  FROM needs_needs WHERE "Status" IN (0, 1, 2) GROUP BY 1, 2
                  """);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.SetCommandTimeout(3600);
            clock.Restart();
            var cells = await scope.ServiceProvider.GetRequiredService<NeedTallies>().RefreshAsync(CancellationToken.None);
            Say($"Refresh kept {cells} community-months in {clock.Elapsed.TotalSeconds:F1} s.");
        }

        Say(await VerifyAsync(app.Services));
        if (transfers > 0)
        {
            await PointsBillBench.LoadAndVerifyAsync(app.Services, transfers, Say);
        }

        var shangma = (await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<ICommunityDirectory>().FindByCodeAsync("shangma", default))!;
        var cases = new (string Name, Func<IServiceProvider, Task> Run)[]
        {
            ("district-year bill (live, tallies)", s => s.GetRequiredService<BillReader>().LiveSheetAsync(null, Year, default)),
            ("community-year bill (shangma, tallies)", s => s.GetRequiredService<BillReader>().LiveSheetAsync(shangma, Year, default)),
            ("dashboard 2025 (rates, overdue, pipeline, trend)", s => s.GetRequiredService<DashboardReader>().ReadAsync("2025", null, default)),
            ("dashboard 2025-Q4, trend of shangma", s => s.GetRequiredService<DashboardReader>().ReadAsync("2025-Q4", "shangma", default)),
        };

        Say("");
        Say($"| Case | Calls | Median ms | p95 ms |");
        Say("|---|---:|---:|---:|");
        foreach (var (name, run) in cases)
        {
            Say(await MeasureAsync(app.Services, name, run, options.SecondsPerCase));
        }

        // One community-month changed since the last refresh: reads recount it from its needs.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mid = new DateTime(2025, 6, 15, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"INSERT INTO needs_tally_changes (\"CommunityId\", \"SubmittedAt\") VALUES ({shangma.Id}, {mid})");
        }

        Say(await MeasureAsync(app.Services, "district-year bill, one community-month changed", cases[0].Run, options.SecondsPerCase));
        Say(await MeasureAsync(app.Services, "dashboard 2025, one community-month changed", cases[2].Run, options.SecondsPerCase));
        if (transfers > 0)
        {
            foreach (var (caseName, run, maxCalls) in PointsBillBench.Cases(shangma, Year).Where(c => withBefore || !c.Name.Contains("(before)", StringComparison.Ordinal)))
            {
                Say(await MeasureAsync(app.Services, caseName, run, options.SecondsPerCase, maxCalls));
            }
        }
        else if (withBefore)
        {
            Say(await MeasureAsync(app.Services, "district-year bill, per-need path (before)", s => s.GetRequiredService<BillReader>().LiveAsync(null, Year, default), options.SecondsPerCase, maxCalls: 5));
        }

        capture.Start();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await cases[2].Run(scope.ServiceProvider);
        }

        Say("");
        Say("Plans of one dashboard call:");
        foreach (var plan in capture.Stop())
        {
            Say("```");
            Say(plan);
            Say("```");
        }

        var facts = await RunFacts.CollectAsync(app.Services, options.Provider, size);
        Say($"{facts.Engine}, {facts.Needs:N0} needs, {facts.DatabaseBytes / 1048576.0:N0} MB; {facts.Cpu}, {facts.Cores} cores, {facts.Runtime}, {facts.At:u}");
        Directory.CreateDirectory(options.ResultsDir);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDir, $"bill-{options.Provider.ToString().ToLowerInvariant()}{(transfers > 0 ? "-points" : "")}.md"), log.ToString());
        return 0;
    }

    /// <summary>Makes <see cref="PointsDatabaseName"/> as a copy of <see cref="DatabaseName"/> when it is not there (the original is never written).</summary>
    private static async Task CopyDatabaseAsync(string server)
    {
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres", CommandTimeout = 3600 }.ToString());
        await admin.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{PointsDatabaseName}'", admin);
        if (await exists.ExecuteScalarAsync() is null)
        {
            Console.WriteLine($"Copying {DatabaseName} to {PointsDatabaseName}…");
            await using var copy = new Npgsql.NpgsqlCommand($"CREATE DATABASE {PointsDatabaseName} TEMPLATE {DatabaseName}", admin);
            await copy.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The tallies equal a full recount: the district-year sheet and each community's, from tallies and from every need.</summary>
    private static async Task<string> VerifyAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var needs = scope.ServiceProvider.GetRequiredService<INeedFacts>();
        var all = await needs.SubmittedBetweenAsync(null, Year.StartUtc, Year.EndUtc, default);
        var mismatches = new List<string>();
        foreach (var community in all.Select(f => (Guid?)f.CommunityId).Distinct().Prepend(null))
        {
            foreach (var period in Enumerable.Range(1, 12).Select(m => new BillPeriod(BillPeriodKind.Month, 2025, m)).Append(Year))
            {
                var facts = all.Where(f => (community is null || f.CommunityId == community) && f.SubmittedAt >= period.StartUtc && f.SubmittedAt < period.EndUtc).ToList();
                // Each scope and period read on its own: a read holds the minutes of its own medians only (ADR 0014).
                var inCells = await needs.TallyAsync(community, period.StartUtc, period.EndUtc, default);
                var expected = Describe(BillSheet.Compute(null, period, default, facts, []));
                var actual = Describe(BillSheet.FromTallies(null, period, default, inCells, BillFacts.Of([], [])));
                if (expected != actual)
                {
                    mismatches.Add($"{community?.ToString() ?? "district"} {period.Code}: recount {expected}, tallies {actual}");
                }
            }
        }

        // The dashboard's overdue counts (kept days plus today's needs) equal a plain count of the open needs past a deadline.
        var now = DateTime.UtcNow;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plain = await db.Set<Need>().AsNoTracking()
            .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress)
            .Where(n => (n.FirstRespondedAt == null && n.RespondBy < now) || n.ResolveBy < now)
            .GroupBy(n => n.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var counted = await needs.OverdueCountsAsync(now, default);
        if (!plain.OrderBy(p => p.Key).SequenceEqual(counted.OrderBy(c => c.Key)))
        {
            mismatches.Add($"overdue now: plain {string.Join(",", plain.OrderBy(p => p.Key))}, counted {string.Join(",", counted.OrderBy(c => c.Key))}");
        }

        return mismatches.Count == 0
            ? $"Verified in {clock.Elapsed.TotalSeconds:F1} s: the tallies of {all.Count:N0} needs equal a full recount for the district and every community, each month and the year; the overdue counts ({plain.Values.Sum():N0} now) equal a plain count."
            : "TALLIES DIFFER FROM A RECOUNT:\n" + string.Join("\n", mismatches);
    }

    private static string Describe(BillSheet sheet) => string.Join(
        "; ",
        [.. sheet.Counts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")),
            $"{sheet.ResponseRate} {sheet.ResolutionRate} {sheet.SatisfactionRate} {sheet.MedianResponseTime} {sheet.MedianResolutionTime}"]);

    private static async Task<string> MeasureAsync(IServiceProvider services, string name, Func<IServiceProvider, Task> run, double seconds, int maxCalls = 500)
    {
        for (var i = 0; i < Math.Min(5, maxCalls); i++)
        {
            await using var scope = services.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < maxCalls && (samples.Count < Math.Min(10, maxCalls) || total.Elapsed.TotalSeconds < seconds))
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await run(scope.ServiceProvider);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        double At(double p) => samples[Math.Max(0, (int)Math.Ceiling(p * samples.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {samples.Count} | {At(0.5):F1} | {At(0.95):F1} |");
    }
}
