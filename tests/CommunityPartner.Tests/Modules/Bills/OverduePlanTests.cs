using System.Data.Common;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The dashboard's overdue counts (<c>NeedFacts.OverdueCountsAsync</c>) read their partial indexes of open needs: the
/// plan of each of the two counts, as the database gives it (SQLite <c>EXPLAIN QUERY PLAN</c>, PostgreSQL
/// <c>EXPLAIN</c> with sequential scans off, so a tiny table does not hide the index), names its index.
/// <c>NeedTalliesTests.OverdueCounts_FromThePartialIndexes_EqualThePlainCount</c> proves the counts.
/// </summary>
public abstract class OverduePlanTests(AppFactory factory)
{
    [Fact]
    public async Task OverdueCounts_ReadTheirPartialIndexes()
    {
        string[] indexes = ["IX_needs_needs_open_resolve_by", "IX_needs_needs_unanswered_respond_by"];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (!sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        }

        var queries = NeedFacts.OverdueCountQueries(db, new DateTime(2019, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2019, 6, 1, 9, 30, 0, DateTimeKind.Utc));
        Assert.Equal(indexes.Length, queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            await using var command = queries[i].CreateDbCommand();
            command.Transaction = tx.GetDbTransaction();
            command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
            var plan = await ReadPlanAsync(command, sqlite);
            Assert.True(plan.Contains(indexes[i], StringComparison.Ordinal), $"{indexes[i]} not in the plan:\n{plan}");
            Assert.DoesNotContain("IX_needs_needs_Status_SubmittedAt_Id", plan, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadPlanAsync(DbCommand command, bool sqlite)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one line of text.
            lines.Add(reader.GetString(sqlite ? 3 : 0));
        }

        return string.Join("\n", lines);
    }
}

[Collection(SqliteLane.Name)]
public sealed class OverduePlanTestsOnSqlite(SqliteAppFactory factory) : OverduePlanTests(factory);

[Collection(PostgresLane.Name)]
public sealed class OverduePlanTestsOnPostgres(PostgresAppFactory factory) : OverduePlanTests(factory);
