using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>
/// The list's status tabs read <c>needs_status_counts</c>, kept by database triggers (ADR 0008). Whatever writes a
/// need — the API's moves, a merge, an EF save, a bulk update, a delete, many writers at once — the kept counts equal
/// a full count of <c>needs_needs</c>; a database that already holds needs gets them when the migration runs.
/// </summary>
public abstract class NeedStatusCountsTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task KeptCounts_AfterEveryKindOfWrite_EqualAFullRecount()
    {
        var actors = await _needs.ActorsAsync();
        foreach (var status in Enum.GetValues<NeedStatus>())
        {
            await NeedsTestData.NeedAsync(actors, status);
        }

        var reopened = await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved);
        await NeedsTestData.RateAsync(actors.RaiserClient, reopened, "dissatisfied", "没有修好");

        var other = (await factory.Data.CommunityAsync()).Id;
        await _needs.QueryAsync(async db =>
        {
            var categories = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).Take(2).ToListAsync();
            var saved = Need.Raise(new NeedDraft(actors.Community.Id, "直接保存", "经 EF 保存", "东门", null, null, NeedChannel.Hotline, null, actors.Staff.Id, false), categories[0], DateTime.UtcNow);
            var removed = Need.Raise(new NeedDraft(actors.Community.Id, "随后删除", "经 EF 删除", "西门", null, null, NeedChannel.Hotline, null, actors.Staff.Id, false), categories[0], DateTime.UtcNow);
            db.AddRange(saved, removed);
            await db.SaveChangesAsync();
            saved.Respond(actors.Staff.Id, "收到", DateTime.UtcNow);
            db.Remove(removed);
            await db.SaveChangesAsync();

            // A bulk update of community and category, and one that leaves them as they were.
            await db.Set<Need>().Where(n => n.Id == saved.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommunityId, other).SetProperty(n => n.CategoryId, categories[1].Id));
            await db.Set<Need>().Where(n => n.CommunityId == actors.Community.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Title, n => n.Title + "。"));
            return 0;
        });

        await AssertKeptEqualsRecountAsync(_needs.QueryAsync);
        var page = await ListNeedsApiTests.ListAsync(await factory.Data.ApiClientAsync(null), $"community={actors.Community.Code}");
        var expected = await _needs.QueryAsync(db => db.Set<Need>().Where(n => n.CommunityId == actors.Community.Id).GroupBy(n => n.Status).ToDictionaryAsync(g => NeedText.StatusCode(g.Key), g => g.Count()));
        foreach (var status in Enum.GetValues<NeedStatus>().Select(NeedText.StatusCode))
        {
            Assert.Equal(expected.GetValueOrDefault(status), page.GetProperty("counts").GetProperty(status).GetInt32());
        }

        Assert.False(page.GetProperty("countsAtLeast").GetBoolean());
    }

    [Fact]
    public async Task KeptCounts_TwentyWritersRaisingAtOnceInOneCategory_CountEveryNeed()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            db.Add(Need.Raise(new NeedDraft(community.Id, $"同时提出 {i}", "同一时刻的诉求", "北门", null, null, NeedChannel.Hotline, null, staff.Id, false), category, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        })));

        var page = await ListNeedsApiTests.ListAsync(await factory.Data.ApiClientAsync(null), $"community={community.Code}");
        Assert.Equal(20, page.GetProperty("counts").GetProperty("submitted").GetInt32());
        await AssertKeptEqualsRecountAsync(_needs.QueryAsync);
    }

    [Fact]
    public async Task SearchCounts_TermWithMoreCandidatesThanCounted_SayTheyAreALowerBound()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var term = "q" + Guid.NewGuid().ToString("N")[..7];
        await _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            var start = DateTime.UtcNow.AddDays(-30);
            db.AddRange(Enumerable.Range(0, NeedSearch.SearchCountCap + 1).Select(i =>
                Need.Raise(new NeedDraft(community.Id, $"{term} 第{i}条", "路灯不亮", "南门", null, null, NeedChannel.Hotline, null, staff.Id, false), category, start.AddMinutes(i))));
            return await db.SaveChangesAsync();
        });
        var client = await factory.Data.ApiClientAsync(null);

        var many = await ListNeedsApiTests.ListAsync(client, $"community={community.Code}&q={term}");
        var few = await ListNeedsApiTests.ListAsync(client, $"community={community.Code}&q={Uri.EscapeDataString(term + " 第7条")}");

        Assert.True(many.GetProperty("countsAtLeast").GetBoolean());
        Assert.Equal(NeedSearch.SearchCountCap, many.GetProperty("counts").GetProperty("submitted").GetInt32());
        Assert.False(few.GetProperty("countsAtLeast").GetBoolean());
        Assert.Equal(1, few.GetProperty("counts").GetProperty("submitted").GetInt32());

        var page = await Html.GetAsync(factory.CreateClient(), $"/needs?community={community.Code}&q={term}");
        var tabs = page.QuerySelectorAll(".status-tabs .count").Select(c => c.TextContent).ToList();
        Assert.Equal($"{NeedSearch.SearchCountCap}+", tabs[0]);
        Assert.Equal($"{NeedSearch.SearchCountCap}+", tabs[1]);
    }

    [Fact]
    public async Task Migrate_DatabaseAlreadyHoldingNeeds_BackfillsTheirCountsAndKeepsThemAfter()
    {
        await using var database = factory.Database!.Provider == DatabaseProvider.Sqlite ? TestDatabase.Sqlite() : await TestDatabase.PostgresAsync();
        await using var db = Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_NeedsStatusCounts", StringComparison.Ordinal)) - 1];

        // The needs are written with today's model (its columns exist only at the latest migration), then the database
        // goes back to before the counts existed, keeping them: the counts migration then meets needs already there.
        await db.Database.MigrateAsync();
        var categories = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).Take(3).ToListAsync();
        var communities = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var staff = Guid.NewGuid();
        var needs = Enumerable.Range(0, 12).Select(i => Need.Raise(
            new NeedDraft(communities[i % 2], $"迁移前的诉求 {i}", "迁移前已存在", "东门", null, null, NeedChannel.Hotline, null, staff, false),
            categories[i % 3],
            DateTime.UtcNow.AddMinutes(i))).ToList();
        db.AddRange(needs);
        await db.SaveChangesAsync();
        foreach (var need in needs.Take(5))
        {
            need.Respond(staff, "收到", DateTime.UtcNow);
        }

        await db.SaveChangesAsync();
        await db.GetService<IMigrator>().MigrateAsync(before);
        Assert.Equal(0, await CountTriggersAsync(db));
        Assert.Equal(12, await CountNeedsAsync(db));

        await db.Database.MigrateAsync();
        await AssertKeptEqualsRecountAsync(query => query(db));

        needs[11].Reject(staff, "不属于社区办理范围", DateTime.UtcNow);
        await db.SaveChangesAsync();
        await AssertKeptEqualsRecountAsync(query => query(db));

        await db.GetService<IMigrator>().MigrateAsync(before);
        Assert.Equal(0, await CountTriggersAsync(db));
        await db.Database.MigrateAsync();
        Assert.Equal(NeedStatusCountConfiguration.Triggers.Length, await CountTriggersAsync(db));
        await AssertKeptEqualsRecountAsync(query => query(db));
    }

    private static async Task AssertKeptEqualsRecountAsync(Func<Func<AppDbContext, Task<List<(Guid, Guid, NeedStatus, int)>>>, Task<List<(Guid, Guid, NeedStatus, int)>>> run)
    {
        var kept = await run(async db => (await db.Set<NeedStatusCount>().AsNoTracking().Where(x => x.Count != 0).ToListAsync())
            .Select(x => (x.CommunityId, x.CategoryId, x.Status, x.Count)).Order().ToList());
        var recount = await run(async db => (await db.Set<Need>().GroupBy(n => new { n.CommunityId, n.CategoryId, n.Status })
                .Select(g => new { g.Key.CommunityId, g.Key.CategoryId, g.Key.Status, Count = g.Count() }).ToListAsync())
            .Select(x => (x.CommunityId, x.CategoryId, x.Status, x.Count)).Order().ToList());

        Assert.NotEmpty(recount);
        Assert.Equal(recount, kept);
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
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'needs_status_counts%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'needs_status_counts%'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    private static async Task<int> CountNeedsAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<int>(db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM needs_needs"
            : "SELECT COUNT(*)::int AS \"Value\" FROM needs_needs").SingleAsync();
}

[Collection(SqliteLane.Name)]
public sealed class NeedStatusCountsTestsOnSqlite(SqliteAppFactory factory) : NeedStatusCountsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedStatusCountsTestsOnPostgres(PostgresAppFactory factory) : NeedStatusCountsTests(factory);
