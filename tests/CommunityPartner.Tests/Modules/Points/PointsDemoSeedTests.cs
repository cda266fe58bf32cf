using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Earning;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Reconcile;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The demo seed on its own database: rules, awards, items and redemptions in every state, a ledger that reconciles, once.</summary>
public sealed class PointsDemoSeedTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Seed_MakesRulesAwardsItemsAndRedemptionsInEveryState_Once()
    {
        await SeedAsync(s => s.Order <= 80);
        var transfers = await QueryAsync(db => db.Set<PointsTransfer>().CountAsync());
        await SeedAsync(s => s.Order == 80);

        Assert.Equal(transfers, await QueryAsync(db => db.Set<PointsTransfer>().CountAsync()));
        Assert.Equal(6, await QueryAsync(db => db.Set<EarnRule>().CountAsync()));
        Assert.Equal(2, await QueryAsync(db => db.Set<MerchantItem>().CountAsync()));
        var states = await QueryAsync(db => db.Set<Redemption>().Select(r => r.Status).OrderBy(s => s).ToListAsync());
        Assert.Equal([RedemptionStatus.Pending, RedemptionStatus.Confirmed, RedemptionStatus.Cancelled], states);
        var zhang = await QueryAsync(db => db.Users.Where(u => u.UserName == "13900000101").Select(u => u.Id).FirstAsync());
        var balances = await QueryAsync(db => db.Set<PointsAccount>().Where(a => a.OwnerId == zhang).OrderBy(a => a.Kind).Select(a => a.Balance).ToListAsync());
        Assert.Equal([80L, 10L], balances);
        Assert.Empty((await QueryAsync(db => new Reconciliation(db).RunAsync(CancellationToken.None))).Breaks);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task SeedAsync(Func<IDemoSeed, bool> which)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        foreach (var seed in scope.ServiceProvider.GetServices<IDemoSeed>().Where(which).OrderBy(s => s.Order))
        {
            await seed.SeedAsync(default);
        }
    }
}
