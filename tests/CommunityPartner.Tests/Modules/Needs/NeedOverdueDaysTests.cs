using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Needs.Tallies;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>
/// The dashboard's overdue count reads <c>needs_overdue_days</c> (open needs per community and the UTC day they become
/// overdue), kept by database triggers. Whatever writes a need — the API's moves, an EF save, a bulk update of
/// deadlines, answers or communities, a delete — the kept rows equal a recount of the open needs, and the count at any
/// instant equals the plain count of the overdue list; a database that already holds needs gets them when the
/// migration runs.
/// </summary>
public abstract class NeedOverdueDaysTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task KeptDays_AfterEveryKindOfWrite_EqualARecount_AndTheCountsEqualTheOverdueList()
    {
        var actors = await _needs.ActorsAsync();
        foreach (var status in Enum.GetValues<NeedStatus>())
        {
            await NeedsTestData.NeedAsync(actors, status);
        }

        var reopened = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        await NeedsTestData.RateAsync(actors.RaiserClient, reopened, "dissatisfied", "没有修好");
        await AssertKeptEqualsRecountAsync("after the API's moves");

        var other = (await factory.Data.CommunityAsync()).Id;
        var ids = await _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            var start = DateTime.UtcNow.AddDays(-20);
            var raised = Enumerable.Range(0, 12).Select(i => Need.Raise(
                new NeedDraft(actors.Community.Id, $"逾期日 {i}", "经 EF 保存", "东门", null, null, NeedChannel.Hotline, null, actors.Staff.Id, false),
                category,
                start.AddHours(i * 37))).ToList();
            db.AddRange(raised);
            await db.SaveChangesAsync();
            raised[0].Respond(actors.Staff.Id, "收到", start.AddDays(1));
            raised[1].Respond(actors.Staff.Id, "收到", start.AddDays(2));
            raised[1].Start(actors.Staff.Id, null, start.AddDays(3));
            raised[2].Reject(actors.Staff.Id, "不属于社区办理范围", start.AddDays(1));
            raised[3].Respond(actors.Staff.Id, "收到", start.AddDays(1));
            raised[3].Resolve(actors.Staff.Id, "已处理", start.AddDays(2));
            db.Remove(raised[4]);
            await db.SaveChangesAsync();
            return raised.Where((_, i) => i != 4).Select(n => n.Id).ToList();
        });
        await AssertKeptEqualsRecountAsync("after EF saves, answers, a rejection, a resolution and a delete");

        await _needs.QueryAsync(async db =>
        {
            // Deadlines moved earlier and later, one to just before midnight (UTC) and one to midnight; an answer
            // taken back; a need moved to another community; and an update that changes none of the columns.
            await db.Set<Need>().Where(n => n.Id == ids[5]).ExecuteUpdateAsync(s => s.SetProperty(n => n.ResolveBy, n => n.ResolveBy.AddDays(-9)));
            await db.Set<Need>().Where(n => n.Id == ids[6]).ExecuteUpdateAsync(s => s.SetProperty(n => n.RespondBy, n => n.RespondBy.AddDays(3)));
            var midnight = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
            await db.Set<Need>().Where(n => n.Id == ids[7]).ExecuteUpdateAsync(s => s.SetProperty(n => n.RespondBy, midnight.AddTicks(-10)));
            await db.Set<Need>().Where(n => n.Id == ids[8]).ExecuteUpdateAsync(s => s.SetProperty(n => n.ResolveBy, midnight).SetProperty(n => n.RespondBy, midnight.AddDays(-1)));
            await db.Set<Need>().Where(n => n.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(n => n.FirstRespondedAt, (DateTime?)null));
            await db.Set<Need>().Where(n => n.Id == ids[9]).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommunityId, other));
            await db.Set<Need>().Where(n => n.Id == ids[10]).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatus.Resolved));
            await db.Set<Need>().Where(n => n.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatus.Submitted));
            await db.Set<Need>().Where(n => n.CommunityId == actors.Community.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Title, n => n.Title + "。"));
            return 0;
        });
        await AssertKeptEqualsRecountAsync("after bulk updates of deadlines, answers, communities and statuses");

        await _needs.QueryAsync(db => db.Set<Need>().Where(n => n.Id == ids[4] || n.Id == ids[5]).ExecuteDeleteAsync());
        await AssertKeptEqualsRecountAsync("after a bulk delete");

        // The count at every deadline of these needs, a tick either side, each midnight between, and now.
        var instants = await _needs.QueryAsync(async db =>
        {
            var deadlines = await db.Set<Need>().Where(n => ids.Contains(n.Id)).Select(n => new { n.RespondBy, n.ResolveBy }).ToListAsync();
            return deadlines.SelectMany(d => new[] { d.RespondBy, d.ResolveBy })
                .SelectMany(d => new[] { d.AddTicks(-10), d, d.AddTicks(10), DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) })
                .Append(DateTime.UtcNow)
                .ToList();
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<INeedFacts>();
        foreach (var now in instants)
        {
            var plain = (await facts.OverdueAsync(null, now, default)).GroupBy(n => n.CommunityId).ToDictionary(g => g.Key, g => g.Count());
            var counted = await facts.OverdueCountsAsync(now, default);
            Assert.True(
                plain.OrderBy(p => p.Key).SequenceEqual(counted.OrderBy(c => c.Key)),
                $"at {now:O}: listed {string.Join(",", plain.OrderBy(p => p.Key))} but counted {string.Join(",", counted.OrderBy(c => c.Key))}");
        }
    }

    [Fact]
    public async Task Migrate_DatabaseAlreadyHoldingNeeds_BackfillsTheirDaysAndKeepsThemAfter()
    {
        await using var database = factory.Database!.Provider == DatabaseProvider.Sqlite ? TestDatabase.Sqlite() : await TestDatabase.PostgresAsync();
        await using var db = Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_OverdueDays", StringComparison.Ordinal)) - 1];

        // The needs are written with today's model, then the database goes back to before the days existed, keeping
        // them: the migration then meets needs already there.
        await db.Database.MigrateAsync();
        var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
        var communities = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var staff = Guid.NewGuid();
        var needs = Enumerable.Range(0, 12).Select(i => Need.Raise(
            new NeedDraft(communities[i % 2], $"迁移前的诉求 {i}", "迁移前已存在", "东门", null, null, NeedChannel.Hotline, null, staff, false),
            category,
            DateTime.UtcNow.AddDays(-i * 2))).ToList();
        db.AddRange(needs);
        await db.SaveChangesAsync();
        foreach (var need in needs.Take(5))
        {
            need.Respond(staff, "收到", DateTime.UtcNow);
        }

        needs[5].Reject(staff, "不属于社区办理范围", DateTime.UtcNow);
        await db.SaveChangesAsync();
        await db.GetService<IMigrator>().MigrateAsync(before);
        Assert.Equal(0, await CountTriggersAsync(db));

        await db.Database.MigrateAsync();
        Assert.Equal(NeedOverdueDayConfiguration.Triggers.Length, await CountTriggersAsync(db));
        await AssertKeptEqualsRecountAsync(db, "after the backfill");

        needs[6].Respond(staff, "收到", DateTime.UtcNow);
        needs[7].Reject(staff, "不属于社区办理范围", DateTime.UtcNow);
        await db.SaveChangesAsync();
        await AssertKeptEqualsRecountAsync(db, "after writes on the migrated database");

        await db.GetService<IMigrator>().MigrateAsync(before);
        Assert.Equal(0, await CountTriggersAsync(db));
        await db.Database.MigrateAsync();
        await AssertKeptEqualsRecountAsync(db, "after down and up again");
    }

    private async Task AssertKeptEqualsRecountAsync(string when) => await _needs.QueryAsync(async db =>
    {
        await AssertKeptEqualsRecountAsync(db, when);
        return 0;
    });

    private static async Task AssertKeptEqualsRecountAsync(AppDbContext db, string when)
    {
        var kept = (await db.Set<NeedOverdueDay>().AsNoTracking().Where(d => d.Count != 0).ToListAsync())
            .Select(d => (d.CommunityId, d.Day, d.Count)).Order().ToList();
        var open = await db.Set<Need>().AsNoTracking()
            .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress)
            .Select(n => new { n.CommunityId, n.RespondBy, n.ResolveBy, n.FirstRespondedAt })
            .ToListAsync();
        var recount = open.GroupBy(n => (n.CommunityId, Day: NeedOverdueDay.DayOf(NeedOverdueDay.OverdueSince(n.RespondBy, n.ResolveBy, n.FirstRespondedAt))))
            .Select(g => (g.Key.CommunityId, g.Key.Day, Count: g.Count())).Order().ToList();

        Assert.NotEmpty(recount);
        Assert.True(recount.SequenceEqual(kept), $"{when}: recount {string.Join(",", recount)} but kept {string.Join(",", kept)}");
    }

    private static AppDbContext Context(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
            DataServices.ConfigureSqlite(sqlite, database.ConnectionString);
            return new SqliteAppDbContext(sqlite.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DataServices.ConfigurePostgres(postgres, database.ConnectionString);
        return new PostgresAppDbContext(postgres.Options);
    }

    private static async Task<int> CountTriggersAsync(AppDbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'needs_overdue_days%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'needs_overdue_days%'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }
}

[Collection(SqliteLane.Name)]
public sealed class NeedOverdueDaysTestsOnSqlite(SqliteAppFactory factory) : NeedOverdueDaysTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedOverdueDaysTestsOnPostgres(PostgresAppFactory factory) : NeedOverdueDaysTests(factory);
