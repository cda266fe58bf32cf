using System.Globalization;
using CommunityPartner.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunityPartner.Bench;

/// <summary>
/// The command line: <c>needs|generate|drop|report --provider sqlite|postgres --size 10000,1000000 [--regenerate]
/// [--seconds S] [--postgres CONN] [--data DIR] [--out NAME]</c>. Several sizes are measured side by side, in turns;
/// results go to bench/results, or bench/results/NAME.
/// </summary>
public sealed record BenchOptions(
    string Command, DatabaseProvider Provider, IReadOnlyList<int> Sizes, bool Regenerate, double SecondsPerCase, string DataDir, string PostgresServer, string ResultsDir)
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var provider = (Value("--provider") ?? "sqlite").ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"Unknown provider {other}: use sqlite or postgres."),
        };
        var sizes = (Value("--size") ?? "10000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var seconds = double.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var dataDir = Value("--data") ?? Path.Combine(RepoRoot(), "bench", "data");
        var server = Value("--postgres") ?? Environment.GetEnvironmentVariable("CP_BENCH_POSTGRES") ?? DefaultPostgres;
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "needs";
        var results = Path.Combine(RepoRoot(), "bench", "results", Value("--out") ?? "");
        return new BenchOptions(command, provider, sizes, args.Contains("--regenerate"), seconds, dataDir, server, results);
    }

    /// <summary>Size 0 is the points mode's own database.</summary>
    public static string DatabaseName(int size) => size == 0 ? "cp_bench_points" : $"cp_bench_{Measure.ResultFiles.Label(size)}";

    public string ConnectionString(int size) => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir, DatabaseName(size) + ".db") }.ToString()
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName(size) }.ToString();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunityPartner.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
