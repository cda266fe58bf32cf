using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>The demo seed on its own database: one verified partner of each type and one awaiting review, once.</summary>
public sealed class PartnersDemoSeedTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Seed_MakesAVerifiedPartnerOfEachTypeAndOnePending_WithTheirMembers_Once()
    {
        await SeedAsync(s => s.Order <= 45);
        await SeedAsync(s => s.Order == 45);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partners = await db.Set<Partner>().AsNoTracking().Include(p => p.Members).Include(p => p.Communities).Include(p => p.Strengths)
            .AsSplitQuery().OrderBy(p => p.Name).ToListAsync();
        Assert.Equal(5, partners.Count);
        var byName = partners.ToDictionary(p => p.Name);
        Assert.Equal(
            Enum.GetValues<PartnerType>().Order(),
            partners.Where(p => p.Status == PartnerStatus.Verified).Select(p => p.Type).Order());
        Assert.Equal(PartnerStatus.Pending, byName["新区青年志愿者协会"].Status);
        Assert.Equal((PartnerType.Individual, null), (byName["李阿姨"].Type, byName["李阿姨"].CreditCode));
        Assert.All(partners.Where(p => p.IsOrganisation), p => Assert.Equal(CreditCode.Problem.None, CreditCode.Check(p.CreditCode!)));
        Assert.All(partners, p => Assert.NotEmpty(p.Communities));
        Assert.All(partners, p => Assert.NotEmpty(p.Strengths));
        var members = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("1390000020")).ToDictionaryAsync(u => u.Id, u => u.UserName);
        Assert.Equal("13900000201", members[byName["科技城建设集团"].Members.Single().UserId]);
        Assert.Equal("13900000202", members[byName["绿叶便利店"].Members.Single().UserId]);
        Assert.Equal("13900000203", members[byName["益邻社工服务中心"].Members.Single().UserId]);
        Assert.Equal("13900000204", members[byName["李阿姨"].Members.Single().UserId]);
        Assert.Equal("13900000205", members[byName["新区青年志愿者协会"].Members.Single().UserId]);
        Assert.Equal(2, byName["科技城建设集团"].Communities.Count);
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
