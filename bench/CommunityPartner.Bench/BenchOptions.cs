using CommunityPartner.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunityPartner.Bench;

/// <summary>The command line: <c>needs|generate|drop --provider sqlite|postgres --size N [--regenerate] [--seconds S]</c>.</summary>
public sealed record BenchOptions(string Command, DatabaseProvider Provider, int Size, bool Regenerate, double SecondsPerCase, string DataDir, string PostgresServer)
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
        var size = int.Parse(Value("--size") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(Value("--seconds") ?? "15", System.Globalization.CultureInfo.InvariantCulture);
        var dataDir = Value("--data") ?? Path.Combine(RepoRoot(), "bench", "data");
        var server = Value("--postgres") ?? Environment.GetEnvironmentVariable("CP_BENCH_POSTGRES") ?? DefaultPostgres;
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "needs";
        return new BenchOptions(command, provider, size, args.Contains("--regenerate"), seconds, dataDir, server);
    }

    /// <summary>Short size label: 10k, 1m.</summary>
    public string SizeLabel => Measure.ResultFiles.Label(Size);

    public string DatabaseName => $"cp_bench_{SizeLabel}";

    public string ConnectionString => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir, DatabaseName + ".db") }.ToString()
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName }.ToString();

    public static string ResultsDir => Path.Combine(RepoRoot(), "bench", "results");

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
