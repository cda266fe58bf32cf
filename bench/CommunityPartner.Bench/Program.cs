using CommunityPartner.Bench;
using CommunityPartner.Bench.Generation;
using CommunityPartner.Bench.Measure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

// needs (default): generate the database if it is not there yet, then measure the public list's queries.
// generate: only generate. drop: delete the database. report: the 10 k / 1 M comparison table from bench/results.
var options = BenchOptions.Parse(args);
switch (options.Command)
{
    case "report":
        Console.Write(await ResultFiles.ReportAsync(BenchOptions.ResultsDir));
        return 0;
    case "drop":
        await DropAsync(options);
        return 0;
    case "generate" or "needs":
        break;
    default:
        Console.Error.WriteLine("Usage: needs|generate|drop|report --provider sqlite|postgres --size N [--regenerate] [--seconds S] [--postgres CONN] [--data DIR]");
        return 2;
}

if (options.Regenerate)
{
    await DropAsync(options);
}

var capture = new PlanCapture(options.Provider == DatabaseProvider.Postgres);
await using var app = AppHost.Build(options, capture);
Directory.CreateDirectory(options.DataDir);
await AppHost.MigrateAndSeedAsync(app.Services);
var existing = await AppHost.CountNeedsAsync(app.Services);
if (existing < options.Size)
{
    if (existing > 100)
    {
        Console.Error.WriteLine($"{options.DatabaseName} holds {existing:N0} needs, fewer than {options.Size:N0}: run again with --regenerate.");
        return 1;
    }

    Console.WriteLine($"Generating {options.Size:N0} needs into {options.Provider} {options.DatabaseName}…");
    await Generator.GenerateAsync(app.Services, options);
}

if (options.Command == "generate")
{
    return 0;
}

var facts = await RunFacts.CollectAsync(app.Services, options);
Console.WriteLine($"{facts.Engine}: {facts.Needs:N0} needs, {facts.Grams:N0} search grams, {facts.DatabaseBytes / 1048576.0:N0} MB");
var harness = new Harness(app.Services, capture, TimeSpan.FromSeconds(options.SecondsPerCase));
var results = new List<CaseResult>();
foreach (var benchCase in await NeedCases.BuildAsync(app.Services))
{
    var result = await harness.RunAsync(benchCase);
    results.Add(result);
    Console.WriteLine($"{result.Name,-36} rows {result.Rows,4}  calls {result.Iterations,4}  median {result.MedianMs,9:F2} ms  p95 {result.P95Ms,9:F2} ms");
}

await ResultFiles.WriteAsync(BenchOptions.ResultsDir, new RunResult(facts, results));
return 0;

static async Task DropAsync(BenchOptions options)
{
    if (options.Provider == DatabaseProvider.Sqlite)
    {
        SqliteConnection.ClearAllPools();
        File.Delete(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        return;
    }

    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = "postgres" }.ToString());
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $"DROP DATABASE IF EXISTS \"{options.DatabaseName}\" WITH (FORCE)";
    await command.ExecuteNonQueryAsync();
}
