using System.Globalization;
using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Modules.Points.Tally;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>
/// The points aggregates (migration PointsTally: points_monthly, points_active, kept by triggers) give the same bill
/// figures as counting the transfers (<see cref="IPointsFacts.IssuedAsync"/>, <see cref="IPointsFacts.RedeemedAsync"/>):
/// after a seeded random sequence of awards, redemptions, confirmations, cancellations and expiries through the API, and
/// of awards, drop-offs, holds, redemptions, refunds, expiries and corrections posted through the ledger across 2018's
/// months (some at a Beijing month's first instant) and three communities, and after residents change home community —
/// for each community, residents without one and the district, each month, quarter and the year. The seed is in every
/// failure message. The active residents' span rows (migration ActiveSpans: points_active_spans, kept by triggers on
/// points_active) equal a recount from points_active after every step, and the migration's backfill rebuilds them.
/// </summary>
public abstract class PointsTallyTests(AppFactory factory, ITestOutputHelper output)
{
    private const int Year = 2018;
    private readonly PointsTestData _points = new(factory);
    private readonly List<string> _posted = [];
    private readonly List<PointsTransfer> _deleted = [];

    [Fact]
    public async Task Figures_AfterRandomLedgerMoves_EqualARecountOfTheTransfers()
    {
        var seed = Environment.GetEnvironmentVariable("CP_POINTS_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (rerun with CP_POINTS_SEED={seed})");
        var random = new Random(seed);
        var world = await _points.WorldAsync(points: 10, cap: 1_000_000);
        var communities = new List<CommunityRef> { world.Community, await factory.Data.CommunityAsync(), await factory.Data.CommunityAsync() };
        var residents = new List<(UserRef User, HttpClient Client)>();
        for (var i = 0; i < 3; i++)
        {
            residents.Add(await _points.ResidentAsync(world, awards: 1));
        }

        // Through the API, now: awards, redemptions, confirmations, cancellations, expiries.
        var items = new[] { await PointsTestData.ItemAsync(world, price: 10, stock: 10), await PointsTestData.ItemAsync(world, price: 25, stock: 10) };
        var codes = new List<(string Code, HttpClient Owner)>();
        for (var step = 0; step < 30; step++)
        {
            var (user, client) = residents[random.Next(residents.Count)];
            switch (random.Next(5))
            {
                case 0 or 1:
                    await PointsTestData.AwardAsync(world.StaffClient, user.Phone, Guid.NewGuid().ToString());
                    break;
                case 2:
                    var redeemed = await PointsTestData.RedeemAsync(client, items[random.Next(items.Length)]);
                    if (redeemed.StatusCode == HttpStatusCode.Created)
                    {
                        codes.Add((await PointsTestData.CodeOfAsync(redeemed), client));
                    }

                    break;
                case 3 when codes.Count > 0:
                    var code = codes[random.Next(codes.Count)].Code;
                    await (random.Next(3) == 0 ? codes.First(c => c.Code == code).Owner.PostAsync($"/api/v1/redemptions/{code}/cancel", null) : world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null));
                    break;
                case 4:
                    await ExpireAsync(TimeSpan.FromHours(25));
                    break;
            }
        }

        // Every code still pending expires now (a code lives Redemption.Lifetime): the ledger moves below spend from the
        // residents' held accounts directly, and a pending code whose held points they spent could not be released by
        // a later expiry run (which closes every due code in this database, other tests' runs included).
        await ExpireAsync(Redemption.Lifetime + TimeSpan.FromHours(1));

        // Through the ledger, across 2018: residents of the three communities and one without a community.
        var people = new List<Guid> { residents[0].User.Id, residents[1].User.Id };
        for (var i = 0; i < 5; i++)
        {
            people.Add((await factory.Data.UserAsync(communities[random.Next(communities.Count)], "居民")).Id);
        }

        people.Add((await factory.Data.UserAsync(null, "居民")).Id);
        await PostAsync(random, world.MerchantId, communities, people, 150);
        await AssertFiguresEqualRecountAsync(seed, communities, "after the sequence");

        // Home communities change (a staff assignment, a bulk update): redemptions follow the resident, issuing stays with the pool.
        var (first, last, third, fourth) = (people[0], people[^1], people[2], people[3]);
        var (second, other) = ((Guid?)communities[1].Id, (Guid?)communities[2].Id);
        await _points.QueryAsync(db => db.Users.Where(u => u.Id == first).ExecuteUpdateAsync(u => u.SetProperty(x => x.CommunityId, other)));
        await _points.QueryAsync(db => db.Users.Where(u => u.Id == last || u.Id == third).ExecuteUpdateAsync(u => u.SetProperty(x => x.CommunityId, second)));
        await _points.QueryAsync(db => db.Users.Where(u => u.Id == fourth).ExecuteUpdateAsync(u => u.SetProperty(x => x.CommunityId, (Guid?)null)));
        await AssertFiguresEqualRecountAsync(seed, communities, "after home-community changes");

        await PostAsync(random, world.MerchantId, communities, people, 40);
        await AssertFiguresEqualRecountAsync(seed, communities, "after more moves");
        Assert.Empty((await _points.ReconcileAsync()).Breaks);

        // The app never updates or deletes a transfer (append-only ledger), but maintenance and test writes may: the UPDATE
        // and DELETE triggers keep the aggregates equal to a recount. Move transfers across months (one by one, to a Beijing
        // month's first instant or a tick before, and many in one statement), change amounts, delete some, put them back.
        var posted = await _points.QueryAsync(db => db.Set<PointsTransfer>().AsNoTracking().Where(t => _posted.Contains(t.IdempotencyKey)).OrderBy(t => t.Id).ToListAsync());
        foreach (var moved in posted.Where(_ => random.Next(6) == 0))
        {
            var month = new DateTime(Year, 1 + random.Next(12), 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
            var at = random.Next(3) switch { 0 => month, 1 => month.AddTicks(-1), _ => month.AddMinutes(random.Next(28 * 24 * 60)) };
            await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => t.Id == moved.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.At, at)));
        }

        var many = posted.Where(_ => random.Next(3) == 0).Select(t => t.Id).ToList();
        var days = 10 + random.Next(40);
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => many.Contains(t.Id)).ExecuteUpdateAsync(t => t.SetProperty(x => x.At, x => x.At.AddDays(days))));
        await AssertFiguresEqualRecountAsync(seed, communities, "after moving transfers across months");

        var bumped = posted.Where(_ => random.Next(4) == 0).Select(t => t.Id).ToList();
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => bumped.Contains(t.Id)).ExecuteUpdateAsync(t => t.SetProperty(x => x.Amount, x => x.Amount + 5)));
        await AssertFiguresEqualRecountAsync(seed, communities, "after changing amounts");
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => bumped.Contains(t.Id)).ExecuteUpdateAsync(t => t.SetProperty(x => x.Amount, x => x.Amount - 5)));

        var removed = await _points.QueryAsync(db => db.Set<PointsTransfer>().AsNoTracking().Where(t => _posted.Contains(t.IdempotencyKey)).ToListAsync());
        removed = [.. removed.Where(_ => random.Next(3) == 0)];
        var single = removed.FirstOrDefault()?.Id;
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => t.Id == single).ExecuteDeleteAsync());
        await AssertFiguresEqualRecountAsync(seed, communities, "after deleting one transfer");
        var rest = removed.Select(t => t.Id).ToList();
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => rest.Contains(t.Id)).ExecuteDeleteAsync());
        await AssertFiguresEqualRecountAsync(seed, communities, "after deleting transfers");

        // Put them back (the insert trigger again), so the ledger reconciles.
        await _points.QueryAsync(async db =>
        {
            db.Set<PointsTransfer>().AddRange(removed);
            return await db.SaveChangesAsync();
        });
        await AssertFiguresEqualRecountAsync(seed, communities, "after putting the deleted transfers back");
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task ActiveSpans_DeletingTransfers_DropASpanRowOnlyWhenNoMonthOfItRemains()
    {
        const int year = 2017;
        var (a, b) = (await factory.Data.CommunityAsync(), await factory.Data.CommunityAsync());
        var resident = (await factory.Data.UserAsync(a, "居民")).Id;
        var january = await AwardAsync(a.Id, resident, new DateTime(year, 1, 15, 3, 0, 0, DateTimeKind.Utc));
        var february = await AwardAsync(a.Id, resident, new DateTime(year, 2, 15, 3, 0, 0, DateTimeKind.Utc));
        var may = await AwardAsync(b.Id, resident, new DateTime(year, 5, 10, 3, 0, 0, DateTimeKind.Utc));
        var (q1, q2, y) = (ActiveSpans.Quarter(year, 1), ActiveSpans.Quarter(year, 2), ActiveSpans.Year(year));
        var district = PointsActiveSpan.District;
        await AssertSpansAsync(resident, "three months", (a.Id, q1), (a.Id, y), (b.Id, q2), (b.Id, y), (district, 201701), (district, 201702), (district, 201705), (district, q1), (district, q2), (district, y));
        await AssertSpansEqualRecountAsync("three months");
        await AssertBackfillEqualsKeptRowsAsync();

        // January goes: its district month goes; the quarter and year stay (February of the same quarter remains).
        await DeleteAsync(january);
        await AssertSpansAsync(resident, "January deleted", (a.Id, q1), (a.Id, y), (b.Id, q2), (b.Id, y), (district, 201702), (district, 201705), (district, q1), (district, q2), (district, y));
        await AssertActiveEqualRecountAsync([a.Id, b.Id], [$"{year}-01", $"{year}-02", $"{year}-Q1", $"{year}-Q2", $"{year}"], "January deleted");

        // February goes: community A has no month left in the quarter or the year; the district keeps the year (May in B).
        await DeleteAsync(february);
        await AssertSpansAsync(resident, "February deleted", (b.Id, q2), (b.Id, y), (district, 201705), (district, q2), (district, y));
        await AssertActiveEqualRecountAsync([a.Id, b.Id], [$"{year}-02", $"{year}-Q1", $"{year}-Q2", $"{year}"], "February deleted");

        // Back in January, from B: B's first quarter and the district's January and quarter come back; then May goes.
        var again = await AwardAsync(b.Id, resident, new DateTime(year, 1, 20, 3, 0, 0, DateTimeKind.Utc));
        await DeleteAsync(may);
        await AssertSpansAsync(resident, "January from B, May deleted", (b.Id, q1), (b.Id, y), (district, 201701), (district, q1), (district, y));
        await AssertActiveEqualRecountAsync([a.Id, b.Id], [$"{year}-01", $"{year}-05", $"{year}-Q1", $"{year}-Q2", $"{year}"], "May deleted");

        await DeleteAsync(again);
        await AssertSpansAsync(resident, "all deleted");
        await AssertSpansEqualRecountAsync("all deleted");

        // Put them back (the insert triggers again), so the ledger reconciles.
        await _points.QueryAsync(async db =>
        {
            db.Set<PointsTransfer>().AddRange(_deleted);
            return await db.SaveChangesAsync();
        });
        await AssertSpansAsync(resident, "put back", (a.Id, q1), (a.Id, y), (b.Id, q1), (b.Id, q2), (b.Id, y), (district, 201701), (district, 201702), (district, 201705), (district, q1), (district, q2), (district, y));
        await AssertSpansEqualRecountAsync("put back");
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    /// <summary>Deletes the transfer (as maintenance could), keeping it to put back.</summary>
    private async Task DeleteAsync(long id)
    {
        _deleted.Add(await _points.QueryAsync(db => db.Set<PointsTransfer>().AsNoTracking().SingleAsync(t => t.Id == id)));
        await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => t.Id == id).ExecuteDeleteAsync());
    }

    /// <summary>An award of 5 points from the community's pool to the resident at <paramref name="at"/>, through the ledger; its transfer id.</summary>
    private async Task<long> AwardAsync(Guid communityId, Guid residentId, DateTime at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = new PointsLedger(db, new FakeTimeProvider(new DateTimeOffset(at)));
        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, communityId, CancellationToken.None);
        var resident = await ledger.AccountAsync(AccountKind.Resident, residentId, CancellationToken.None);
        var key = Guid.NewGuid().ToString();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True(await ledger.PostAsync(new TransferOrder(pool, resident, 5, TransferKind.Award, "test", key, null, null, key, key), CancellationToken.None));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return await db.Set<PointsTransfer>().Where(t => t.IdempotencyKey == key).Select(t => t.Id).SingleAsync();
    }

    private async Task AssertSpansAsync(Guid resident, string when, params (Guid Scope, int Span)[] expected)
    {
        var kept = await _points.QueryAsync(db => db.Set<PointsActiveSpan>().AsNoTracking().Where(s => s.ResidentId == resident).Select(s => new { s.ScopeId, s.Span }).ToListAsync());
        Assert.True(
            expected.Select(e => $"{e.Scope}/{e.Span}").Order().SequenceEqual(kept.Select(k => $"{k.ScopeId}/{k.Span}").Order()),
            $"{when}: span rows {string.Join(", ", kept.Select(k => $"{k.ScopeId}/{k.Span}").Order())}, expected {string.Join(", ", expected.Select(e => $"{e.Scope}/{e.Span}").Order())}");
    }

    /// <summary>Active residents from <see cref="IPointsFacts.FiguresAsync"/> == the per-record count, for these communities and the district.</summary>
    private async Task AssertActiveEqualRecountAsync(IEnumerable<Guid> communities, IEnumerable<string> periods, string when)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<IPointsFacts>();
        foreach (var code in periods)
        {
            Assert.True(BillPeriod.TryParse(code, out var period));
            foreach (var community in communities.Select(c => (Guid?)c).Append(null))
            {
                var expected = BillRules.ActiveResidents(await facts.IssuedAsync(community, period.StartUtc, period.EndUtc, CancellationToken.None)).Count;
                var actual = (await facts.FiguresAsync(community, period.StartUtc, period.EndUtc, CancellationToken.None)).ActiveResidents;
                Assert.True(expected == actual, $"{when}, {code}, community {community?.ToString() ?? "district"}: span rows {actual}, recount {expected}");
            }
        }
    }

    /// <summary>Every span row == the spans of the points_active rows (their community's quarter and year; the district's month, quarter and year).</summary>
    private async Task AssertSpansEqualRecountAsync(string when)
    {
        var (active, kept) = await _points.QueryAsync(async db => (
            await db.Set<PointsActive>().AsNoTracking().Select(a => new { a.CommunityId, a.Month, a.ResidentId }).ToListAsync(),
            await db.Set<PointsActiveSpan>().AsNoTracking().Select(s => new { s.ScopeId, s.Span, s.ResidentId }).ToListAsync()));
        var expected = active.SelectMany(a => SpansOf(a.CommunityId, a.Month).Select(s => $"{s.Scope}/{s.Span}/{a.ResidentId}")).Distinct().Order().ToList();
        var actual = kept.Select(k => $"{k.ScopeId}/{k.Span}/{k.ResidentId}").Order().ToList();
        Assert.True(expected.SequenceEqual(actual), $"{when}: span rows missing {string.Join(", ", expected.Except(actual).Take(5))}; extra {string.Join(", ", actual.Except(expected).Take(5))}");
    }

    private static IEnumerable<(Guid Scope, int Span)> SpansOf(Guid community, int month)
    {
        var (year, quarter) = (month / 100, ((month % 100) - 1) / 3 + 1);
        var district = PointsActiveSpan.District;
        return [(community, ActiveSpans.Quarter(year, quarter)), (community, ActiveSpans.Year(year)), (district, month), (district, ActiveSpans.Quarter(year, quarter)), (district, ActiveSpans.Year(year))];
    }

    /// <summary>The ActiveSpans migration's backfill, run on an emptied table (in a transaction rolled back), gives the rows the triggers keep.</summary>
    private async Task AssertBackfillEqualsKeptRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrations = db.GetService<IMigrationsAssembly>();
        var type = migrations.Migrations.Single(m => m.Key.EndsWith("_ActiveSpans", StringComparison.Ordinal)).Value;
        var backfill = migrations.CreateMigration(type, db.Database.ProviderName!).UpOperations.OfType<SqlOperation>()
            .Single(o => o.Sql.Contains("-- ActiveSpans backfill", StringComparison.Ordinal)).Sql;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var kept = await db.Set<PointsActiveSpan>().AsNoTracking().Select(s => new { s.ScopeId, s.Span, s.ResidentId }).ToListAsync();
        Assert.NotEmpty(kept);
        await db.Set<PointsActiveSpan>().ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(backfill);
        var rebuilt = await db.Set<PointsActiveSpan>().AsNoTracking().Select(s => new { s.ScopeId, s.Span, s.ResidentId }).ToListAsync();
        await transaction.RollbackAsync();
        Assert.Equal(kept.Select(k => $"{k.ScopeId}/{k.Span}/{k.ResidentId}").Order(), rebuilt.Select(k => $"{k.ScopeId}/{k.Span}/{k.ResidentId}").Order());
    }

    /// <summary>Random transfers of every kind through <see cref="PointsLedger"/> at times in <see cref="Year"/>, saved one by one.</summary>
    private async Task PostAsync(Random random, Guid merchantId, List<CommunityRef> communities, List<Guid> people, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var month = 1 + random.Next(12);
            var at = random.Next(6) == 0
                ? new DateTime(Year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8).AddTicks(random.Next(2) == 0 ? 0 : -1)
                : new DateTime(Year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(28 * 24 * 60)).AddTicks(random.Next(10_000_000));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ledger = new PointsLedger(db, new FakeTimeProvider(new DateTimeOffset(at)));
            var person = people[random.Next(people.Count)];
            var pool = await ledger.AccountAsync(AccountKind.CommunityPool, communities[random.Next(communities.Count)].Id, CancellationToken.None);
            var resident = await ledger.AccountAsync(AccountKind.Resident, person, CancellationToken.None);
            var held = await ledger.AccountAsync(AccountKind.Held, person, CancellationToken.None);
            var merchant = await ledger.AccountAsync(AccountKind.Merchant, merchantId, CancellationToken.None);
            var amount = 1 + random.Next(30);
            var (from, to, kind) = random.Next(8) switch
            {
                0 or 1 => (pool, resident, TransferKind.Award),
                2 => (pool, resident, TransferKind.Dropoff),
                3 => (resident, held, TransferKind.Hold),
                4 => (held, merchant, TransferKind.Redemption),
                5 => (held, resident, TransferKind.Refund),
                6 => (resident, pool, TransferKind.Expiry),
                _ => (pool, resident, TransferKind.Correction),
            };
            var key = Guid.NewGuid().ToString();
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await ledger.PostAsync(new TransferOrder(from, to, amount, kind, "test", key, null, null, key, key), CancellationToken.None))
            {
                await db.SaveChangesAsync();
                _posted.Add(key);
            }

            await transaction.CommitAsync();
        }
    }

    private async Task AssertFiguresEqualRecountAsync(int seed, List<CommunityRef> communities, string when)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<IPointsFacts>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var periods = new List<string> { $"{Year}", BillPeriod.QuarterOf(now).Code, BillPeriod.QuarterOf(now).Previous.Code };
        periods.AddRange(Enumerable.Range(1, 4).Select(q => $"{Year}-Q{q}"));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => $"{Year}-{m:00}"));
        var scopes = communities.Select(c => (Guid?)c.Id).Append(null).Append(Guid.Empty);
        var checkedIssued = 0L;
        foreach (var code in periods)
        {
            Assert.True(BillPeriod.TryParse(code, out var period));
            foreach (var community in scopes)
            {
                var issued = await facts.IssuedAsync(community, period.StartUtc, period.EndUtc, CancellationToken.None);
                var redeemed = await (community == Guid.Empty
                    ? RedeemedWithoutCommunityAsync(scope, period)
                    : facts.RedeemedAsync(community, period.StartUtc, period.EndUtc, CancellationToken.None));
                var expected = new PointsFigures(issued.Sum(m => m.Points), issued.Count, redeemed.Sum(m => m.Points), redeemed.Count, BillRules.ActiveResidents(issued).Count);
                var actual = await facts.FiguresAsync(community, period.StartUtc, period.EndUtc, CancellationToken.None);
                Assert.True(expected == actual, $"seed {seed}, {when}, {code}, community {community?.ToString() ?? "district"}: aggregates {actual}, recount {expected}");
                checkedIssued += expected.IssuedTransfers;
            }
        }

        Assert.True(checkedIssued > 0, $"seed {seed}: nothing was issued");
        await AssertSpansEqualRecountAsync($"seed {seed}, {when}");

        // The live district-year bill reads the aggregates; the per-record bill counts the transfers: the same points figures.
        var reader = scope.ServiceProvider.GetRequiredService<BillReader>();
        Assert.True(BillPeriod.TryParse($"{Year}", out var year));
        var live = await reader.LiveSheetAsync(null, year, CancellationToken.None);
        var full = (await reader.LiveAsync(null, year, CancellationToken.None)).Sheet;
        Assert.True(
            (live.PointsIssued, live.PointsRedeemed, live.Counts[BillFigure.PointsIssued], live.Counts[BillFigure.PointsRedeemed], live.Counts[BillFigure.ActiveResidents])
            == (full.PointsIssued, full.PointsRedeemed, full.Counts[BillFigure.PointsIssued], full.Counts[BillFigure.PointsRedeemed], full.Counts[BillFigure.ActiveResidents]),
            $"seed {seed}, {when}: live bill and per-record bill differ");
    }

    /// <summary>Redemptions by residents without a home community (the aggregates keep them under <see cref="Guid.Empty"/>; the district counts them).</summary>
    private static async Task<IReadOnlyList<PointsMove>> RedeemedWithoutCommunityAsync(AsyncServiceScope scope, BillPeriod period)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await (from t in db.Set<PointsTransfer>()
                          join held in db.Set<PointsAccount>() on t.FromAccountId equals held.Id
                          join u in db.Users on held.OwnerId equals u.Id
                          where t.Kind == TransferKind.Redemption && held.Kind == AccountKind.Held && u.CommunityId == null && t.At >= period.StartUtc && t.At < period.EndUtc
                          select new { t.Id, held.OwnerId, t.Amount, t.At }).ToListAsync();
        return [.. rows.Select(r => new PointsMove(r.Id, r.OwnerId, "redemption", r.Amount, r.At))];
    }

    /// <summary>Runs the expiry as the scheduler would, at a later time, without moving the shared test clock.</summary>
    private async Task<int> ExpireAsync(TimeSpan later)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow() + later);
        var ledger = new PointsLedger(db, clock);
        var audit = new AuditLog(db, services.GetRequiredService<IHttpContextAccessor>(), clock);
        return await new CloseRedemptionHandler(db, ledger, services.GetRequiredService<IMerchantDirectory>(), audit, clock).ExpireDueAsync(CancellationToken.None);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsTallyTestsOnSqlite(SqliteAppFactory factory, ITestOutputHelper output) : PointsTallyTests(factory, output);

[Collection(PostgresLane.Name)]
public sealed class PointsTallyTestsOnPostgres(PostgresAppFactory factory, ITestOutputHelper output) : PointsTallyTests(factory, output);
