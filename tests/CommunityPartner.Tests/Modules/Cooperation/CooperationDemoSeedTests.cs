using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Cooperation.MatchProject;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The demo seed on its own database: offers in every state and three signed, partly delivered intents, once.</summary>
public sealed class CooperationDemoSeedTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Seed_AfterTheOtherSeeds_MakesOffersInEveryStateAndThreePartlyDeliveredIntents_Once()
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
        Assert.Equal(7, offers.Count);
        var intents = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).ToListAsync();
        Assert.Equal(3, intents.Count(i => i.IsSigned));
        Assert.All(intents.Where(i => i.IsSigned), i => Assert.True(i.SignedVersion!.PartnerConfirmedAt is not null && i.SignedVersion.CommunityConfirmedAt is not null));
        var partnerIds = await db.Set<Partner>().AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id);
        var signed = intents.Single(i => i.IsSigned && i.PartnerId == partnerIds["科技城建设集团"]);
        Assert.Equal(2, signed.SignedVersion!.Lines.Count);
        var green = Assert.Single(await scope.ServiceProvider.GetRequiredService<IProjectCatalog>().FindAsync([signed.ProjectId], default));
        Assert.Equal("微更新·智慧绿色驿站", green.Title);
        Assert.Equal(3, await db.Set<Delivery>().CountAsync(d => d.IntentId == signed.Id));

        // The green station's funding ask also holds 李阿姨's gift, delivered in full; 益邻社工's study base intent is partly delivered.
        var gift = intents.Single(i => i.IsSigned && i.PartnerId == partnerIds["李阿姨"]);
        Assert.Equal(signed.ProjectId, gift.ProjectId);
        var coverage = await scope.ServiceProvider.GetRequiredService<MatchProjectHandler>().CoverageAsync(signed.ProjectId, default);
        Assert.Contains(coverage!, c => c.Kind == "service" && c.Covered);
        Assert.Contains(coverage!, c => c.Kind == "funding" && c.PledgedYuan == 55_000 && c.DeliveredYuan == 30_000);
        Assert.Contains(coverage!, c => c.Kind == "service" && c.DeliveredHours == 40);
        var study = intents.Single(i => i.IsSigned && i.PartnerId == partnerIds["益邻社工服务中心"]);
        var studyCoverage = await scope.ServiceProvider.GetRequiredService<MatchProjectHandler>().CoverageAsync(study.ProjectId, default);
        Assert.Contains(studyCoverage!, c => c.Kind == "service" && c.DeliveredHours == 16 && c.PledgedHours == 40);
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
