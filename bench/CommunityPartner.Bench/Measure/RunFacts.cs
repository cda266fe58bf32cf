using System.Data.Common;
using System.Runtime.InteropServices;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

/// <summary>What a run measured on: the machine, the database engine, and how big the data is.</summary>
public sealed record RunFacts(
    string Provider, int Size, long Needs, long Grams, long DatabaseBytes, string Engine, string Os, string Cpu, int Cores, string Runtime, DateTime At)
{
    public static async Task<RunFacts> CollectAsync(IServiceProvider services, DatabaseProvider provider, int size)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = provider == DatabaseProvider.Postgres;
        var engine = postgres ? "PostgreSQL " + await ScalarAsync(connection, "SHOW server_version") : "SQLite " + await ScalarAsync(connection, "SELECT sqlite_version()");
        var bytes = postgres
            ? Convert.ToInt64(await ScalarAsync(connection, "SELECT pg_database_size(current_database())"), System.Globalization.CultureInfo.InvariantCulture)
            : new FileInfo(connection.DataSource).Length;
        var needs = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM needs_needs"), System.Globalization.CultureInfo.InvariantCulture);
        var grams = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM needs_search_grams"), System.Globalization.CultureInfo.InvariantCulture);
        var debian = File.Exists("/etc/debian_version") ? $" (Debian {(await File.ReadAllTextAsync("/etc/debian_version")).Trim()})" : "";
        var cpu = File.Exists("/proc/cpuinfo")
            ? (await File.ReadAllLinesAsync("/proc/cpuinfo")).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return new RunFacts(provider.ToString(), size, needs, grams, bytes, engine, RuntimeInformation.OSDescription + debian, cpu,
            Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, DateTime.UtcNow);
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
