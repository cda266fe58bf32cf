using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>Random sequences of awards, redemptions, confirmations, cancellations and expiries keep every reconciliation invariant.</summary>
public abstract class PointsInvariantTests(AppFactory factory, ITestOutputHelper output)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task RandomSequence_KeepsEveryReconcileInvariant()
    {
        var seed = Environment.GetEnvironmentVariable("CP_POINTS_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (rerun with CP_POINTS_SEED={seed})");
        var random = new Random(seed);
        var world = await _points.WorldAsync(points: 10, cap: 1_000_000);
        var residents = new List<(UserRef User, HttpClient Client)>();
        for (var i = 0; i < 3; i++)
        {
            residents.Add(await _points.ResidentAsync(world, awards: 0));
        }

        var items = new[] { await PointsTestData.ItemAsync(world, price: 10, stock: 4), await PointsTestData.ItemAsync(world, price: 25, stock: 3) };
        var codes = new List<(string Code, HttpClient Owner)>();
        for (var step = 0; step < 60; step++)
        {
            var (user, client) = residents[random.Next(residents.Count)];
            switch (random.Next(6))
            {
                case 0 or 1:
                    await PointsTestData.AwardAsync(world.StaffClient, user.Phone, random.Next(3) == 0 && step > 0 ? "replayed-" + random.Next(3) : Guid.NewGuid().ToString());
                    break;
                case 2:
                    var redeemed = await PointsTestData.RedeemAsync(client, items[random.Next(items.Length)]);
                    if (redeemed.StatusCode == HttpStatusCode.Created)
                    {
                        codes.Add((await PointsTestData.CodeOfAsync(redeemed), client));
                    }

                    break;
                case 3 when codes.Count > 0:
                    await world.MemberClient.PostAsync($"/api/v1/redemptions/{codes[random.Next(codes.Count)].Code}/confirm", null);
                    break;
                case 4 when codes.Count > 0:
                    var (code, owner) = codes[random.Next(codes.Count)];
                    await owner.PostAsync($"/api/v1/redemptions/{code}/cancel", null);
                    break;
                case 5:
                    await ExpireAsync(TimeSpan.FromHours(random.Next(2) == 0 ? 1 : 25));
                    break;
            }

            var report = await _points.ReconcileAsync();
            Assert.True(report.IsClean, $"seed {seed}, step {step}: {string.Join("; ", report.Breaks)}");
        }

        foreach (var (_, client) in residents)
        {
            var (balance, held, _) = await PointsTestData.PassbookAsync(client);
            Assert.True(balance >= 0 && held >= 0, $"seed {seed}: balance {balance}, held {held}");
        }

        var stocks = await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => items.Contains(i.Id)).Select(i => i.Stock).ToListAsync());
        Assert.All(stocks, st => Assert.True(st >= 0, $"seed {seed}: stock {st}"));
    }

    [Fact]
    public async Task ExpireDue_UnconfirmedCodePastItsTime_ReleasesPointsAndStock()
    {
        var world = await _points.WorldAsync(points: 40);
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 15, stock: 2);
        var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(resident, item));

        Assert.True(await ExpireAsync(TimeSpan.FromHours(25)) >= 1);

        Assert.Equal((40L, 0L, 3), await PointsTestData.PassbookAsync(resident));
        Assert.Equal(RedemptionStatus.Expired, await _points.QueryAsync(db => db.Set<Redemption>().Where(r => r.Code == code).Select(r => r.Status).FirstAsync()));
        Assert.Equal(2, await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == item).Select(i => i.Stock).FirstAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null)).StatusCode);
    }

    [Fact]
    public async Task Reconcile_ABalanceThatDisagreesWithItsMovements_IsReportedAndTheCommandExitsNonZero()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, _) = await _points.ResidentAsync(world);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var command = scope.ServiceProvider.GetServices<IAppCommand>().Single(c => c.Name == "points reconcile");
        Assert.Equal(0, await command.RunAsync(CancellationToken.None));

        var account = db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Resident && a.OwnerId == resident.Id);
        await account.ExecuteUpdateAsync(u => u.SetProperty(a => a.Balance, a => a.Balance + 1));
        try
        {
            var report = await _points.ReconcileAsync();
            Assert.Equal(3, report.Breaks.Count);
            Assert.Equal(1, await command.RunAsync(CancellationToken.None));
        }
        finally
        {
            await account.ExecuteUpdateAsync(u => u.SetProperty(a => a.Balance, a => a.Balance - 1));
        }

        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task Pages_PassbookShowsTheResidentsPoints_ReconcilePageIsForStaffOnly()
    {
        var world = await _points.WorldAsync(points: 12);
        var (resident, _) = await _points.ResidentAsync(world);
        using var residentBrowser = await factory.Data.BrowserAsync(resident);
        using var staffBrowser = await factory.Data.BrowserAsync(world.Staff);

        var passbook = await Html.GetAsync(residentBrowser, "/points");
        var reconcile = await Html.GetAsync(staffBrowser, "/admin/points/reconcile");
        var refused = await residentBrowser.GetAsync("/admin/points/reconcile");

        Assert.Equal("12", passbook.QuerySelector("#balance")!.TextContent.Trim());
        Assert.Contains("活动奖励", passbook.QuerySelector("#movements")!.TextContent);
        Assert.Equal("账目平衡，没有发现问题。", reconcile.QuerySelector("#verdict")!.TextContent.Trim());
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
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
public sealed class PointsInvariantTestsOnSqlite(SqliteAppFactory factory, ITestOutputHelper output) : PointsInvariantTests(factory, output);

[Collection(PostgresLane.Name)]
public sealed class PointsInvariantTestsOnPostgres(PostgresAppFactory factory, ITestOutputHelper output) : PointsInvariantTests(factory, output);
