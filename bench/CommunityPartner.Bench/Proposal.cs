using System.Data.Common;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench;

/// <summary>
/// Until the lead adds the NeedsStatusCounts migration, the bench creates its table, triggers and backfill from
/// Proposals/*.sql when the table is missing, then checks that the app's own writes (EF SaveChanges of a raise, a
/// move and a delete) keep the counts equal to a full GROUP BY.
/// </summary>
public static class Proposal
{
    public static async Task EnsureAsync(IServiceProvider services, DatabaseProvider provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var exists = provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'needs_status_counts'"
            : "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'needs_status_counts'";
        if (Convert.ToInt64(await ScalarAsync(connection, exists), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        var file = Path.Combine(AppContext.BaseDirectory, "Proposals", $"needs_status_counts.{(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}.sql");
        Console.WriteLine($"Applying {Path.GetFileName(file)} (table, triggers, backfill)…");
        await ScalarAsync(connection, await File.ReadAllTextAsync(file));
        await VerifyAsync(services);
    }

    private static async Task VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
        var communityId = await db.Set<Need>().OrderBy(n => n.SubmittedAt).Select(n => n.CommunityId).FirstAsync();
        var staff = Guid.NewGuid();
        var need = Need.Raise(new NeedDraft(communityId, "核对计数", "核对计数", "核对计数", null, null, NeedChannel.Hotline, null, staff, false), category, DateTime.UtcNow);
        db.Add(need);
        await db.SaveChangesAsync();
        need.Respond(staff, "核对", DateTime.UtcNow);
        await db.SaveChangesAsync();
        db.Remove(need);
        await db.SaveChangesAsync();

        var kept = await db.Set<NeedStatusCount>().GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var actual = await db.Set<Need>().GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var same = Enum.GetValues<NeedStatus>().All(s => kept.GetValueOrDefault(s) == actual.GetValueOrDefault(s));
        Console.WriteLine(same ? "Status counts match a full GROUP BY after an EF raise, move and delete." : "STATUS COUNTS DIFFER from a full GROUP BY.");
        if (!same)
        {
            throw new InvalidOperationException("The status-count triggers did not keep the counts.");
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteScalarAsync();
    }
}
