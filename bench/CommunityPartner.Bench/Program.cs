using CommunityPartner.Bench;
using CommunityPartner.Bench.Generation;
using CommunityPartner.Bench.Measure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

// needs (default): generate each size's database if it is not there yet, then measure the public list's queries on
// all sizes in turns. generate: only generate. drop: delete the databases. report: the comparison table.
var options = BenchOptions.Parse(args);
switch (options.Command)
{
    case "report":
        Console.Write(await ResultFiles.ReportAsync(options.ResultsDir));
        return 0;
    case "drop":
        foreach (var size in options.Sizes)
        {
            await DropAsync(options, size);
        }

        return 0;
    case "generate" or "needs":
        break;
    case "points":
        return await PointsAsync(options, args);
    case "bill":
        return await BillBench.RunAsync(
            options,
            Array.IndexOf(args, "--size") >= 0 ? options.Sizes[0] : 1_000_000,
            Array.IndexOf(args, "--transfers") is var t and >= 0 && t + 1 < args.Length ? long.Parse(args[t + 1], System.Globalization.CultureInfo.InvariantCulture) : 0,
            withBefore: !args.Contains("--skip-before"));
    default:
        Console.Error.WriteLine("Usage: needs|generate|drop|report|points|bill --provider sqlite|postgres --size 10000,1000000 [--transfers N] [--skip-before] [--regenerate] [--seconds S] [--postgres CONN] [--data DIR] [--out NAME]");
        return 2;
}

var hosts = new List<(int Size, WebApplication App, PlanCapture Capture)>();
foreach (var size in options.Sizes)
{
    if (options.Regenerate)
    {
        await DropAsync(options, size);
    }

    var capture = new PlanCapture(options.Provider == DatabaseProvider.Postgres);
    var app = AppHost.Build(options.Provider, options.ConnectionString(size), capture);
    Directory.CreateDirectory(options.DataDir);
    await AppHost.MigrateAndSeedAsync(app.Services);
    var existing = await AppHost.CountNeedsAsync(app.Services);
    if (existing < size)
    {
        if (existing > 100)
        {
            Console.Error.WriteLine($"{BenchOptions.DatabaseName(size)} holds {existing:N0} needs, fewer than {size:N0}: run again with --regenerate.");
            return 1;
        }

        Console.WriteLine($"Generating {size:N0} needs into {options.Provider} {BenchOptions.DatabaseName(size)}…");
        await Generator.GenerateAsync(app.Services, options.Provider, options.ConnectionString(size), size);
    }

    await CountsCheck.EnsureAsync(app.Services);
    hosts.Add((size, app, capture));
}

if (options.Command == "needs")
{
    await MeasureAsync(options, hosts);
}

foreach (var (_, app, _) in hosts)
{
    await app.DisposeAsync();
}

return 0;

static async Task MeasureAsync(BenchOptions options, List<(int Size, WebApplication App, PlanCapture Capture)> hosts)
{
    var lanes = new List<Lane>();
    var facts = new List<RunFacts>();
    foreach (var (size, app, capture) in hosts)
    {
        facts.Add(await RunFacts.CollectAsync(app.Services, options.Provider, size));
        Console.WriteLine($"{facts[^1].Engine}: {facts[^1].Needs:N0} needs, {facts[^1].Grams:N0} search grams, {facts[^1].DatabaseBytes / 1048576.0:N0} MB");
        lanes.Add(new Lane(app.Services, capture, await NeedCases.BuildAsync(app.Services)));
    }

    var harness = new Harness(TimeSpan.FromSeconds(options.SecondsPerCase));
    var results = hosts.Select(_ => new List<CaseResult>()).ToArray();
    for (var c = 0; c < lanes[0].Cases.Count; c++)
    {
        var byLane = await harness.RunAsync(lanes, c);
        Console.WriteLine(string.Join("  |  ", byLane.Select((r, l) =>
            (l == 0 ? $"{r.Name,-38}" : "") + $"{ResultFiles.Label(hosts[l].Size),3}: median {r.MedianMs,8:F2} p95 {r.P95Ms,8:F2} ms ({r.Rows} rows, {r.Iterations} calls)")));
        for (var l = 0; l < byLane.Count; l++)
        {
            results[l].Add(byLane[l]);
        }
    }

    for (var l = 0; l < hosts.Count; l++)
    {
        await ResultFiles.WriteAsync(options.ResultsDir, new RunResult(facts[l], results[l]));
    }
}

// points: a fresh database (size label "points"), the app's migrations and demo seed, then redemptions per second
// against a raw transfer, then reconcile. --workers W (default 4), --residents N (default 200), --seconds S per mode.
static async Task<int> PointsAsync(BenchOptions options, string[] args)
{
    int Option(string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;

    const int size = 0;
    Directory.CreateDirectory(options.DataDir);
    await DropAsync(options, size);
    var app = AppHost.Build(options.Provider, options.ConnectionString(size));
    await using (app)
    {
        await AppHost.MigrateAndSeedAsync(app.Services);
        var run = await PointsBench.RunAsync(app.Services, options.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL",
            Option("--workers", 4), options.SecondsPerCase, Option("--residents", 200));
        Console.WriteLine($"redemptions {run.RedemptionsPerSecond:F0}/s ({run.Redemptions:N0}, {run.RedeemRefused} refused), raw transfers {run.RawPerSecond:F0}/s ({run.RawTransfers:N0}): {run.Ratio:P0}; reconcile breaks {run.ReconcileBreaks}");
        foreach (var line in run.Breaks)
        {
            Console.WriteLine("  break: " + line);
        }

        await PointsBench.WriteAsync(options.ResultsDir, $"points-{options.Provider.ToString().ToLowerInvariant()}", run);
        return run.ReconcileBreaks == 0 ? 0 : 1;
    }
}

static async Task DropAsync(BenchOptions options, int size)
{
    if (options.Provider == DatabaseProvider.Sqlite)
    {
        SqliteConnection.ClearAllPools();
        File.Delete(new SqliteConnectionStringBuilder(options.ConnectionString(size)).DataSource);
        return;
    }

    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = "postgres" }.ToString());
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $"DROP DATABASE IF EXISTS \"{BenchOptions.DatabaseName(size)}\" WITH (FORCE)";
    await command.ExecuteNonQueryAsync();
}
