using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Cooperation.MatchProject;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The demo seed on its own database: offers in every state and a signed two-line intent for the green station, once.</summary>
public sealed class CooperationDemoSeedTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Seed_AfterTheOtherSeeds_MakesOffersInEveryStateAndASignedIntent_Once()
    {
        await SeedAsync(s => s.Order < 70);
        await SeedAsync(s => s.Order == 70);
        await SeedAsync(s => s.Order == 70);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var offers = await db.Set<Offer>().AsNoTracking().ToListAsync();
        Assert.Equal(
            [OfferStatus.Negotiating, OfferStatus.Accepted, OfferStatus.Declined, OfferStatus.Withdrawn, OfferStatus.IntentSigned],
            offers.Select(o => o.Status).Distinct().Order());
        Assert.Equal(5, offers.Count);
        var intents = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).ToListAsync();
        var signed = Assert.Single(intents, i => i.IsSigned);
        Assert.Equal(2, signed.SignedVersion!.Lines.Count);
        Assert.NotNull(signed.SignedVersion.PartnerConfirmedAt);
        Assert.NotNull(signed.SignedVersion.CommunityConfirmedAt);
        var green = Assert.Single(await scope.ServiceProvider.GetRequiredService<IProjectCatalog>().FindAsync([signed.ProjectId], default));
        Assert.Equal("微更新·智慧绿色驿站", green.Title);
        var coverage = await scope.ServiceProvider.GetRequiredService<MatchProjectHandler>().CoverageAsync(signed.ProjectId, default);
        Assert.Contains(coverage!, c => c.Kind == "service" && c.Covered);
        Assert.Equal(3, await db.Set<Delivery>().CountAsync(d => d.IntentId == signed.Id));
        Assert.Contains(coverage!, c => c.Kind == "funding" && c.DeliveredYuan == 25_000 && c.DeliveredYuan < c.PledgedYuan);
        Assert.Contains(coverage!, c => c.Kind == "service" && c.DeliveredHours == 40);
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
