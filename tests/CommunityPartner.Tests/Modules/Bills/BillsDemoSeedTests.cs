using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>The demo seed on its own database: 上马's and the district's bills for the last closed quarter, published once, each figure equal to its frozen list.</summary>
public sealed class BillsDemoSeedTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Seed_PublishesShangmaAndDistrictOnce_FiguresEqualTheirLists()
    {
        await SeedAsync(_ => true);
        await SeedAsync(s => s.Order == 90);

        var versions = await QueryAsync(db => db.Set<BillVersion>().AsNoTracking().ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.True(v.IsIntact));
        Assert.Contains(versions, v => v.Scope == BillVersion.DistrictScope);

        var client = _factory.CreateClient();
        var period = versions[0].PeriodCode;
        foreach (var community in new[] { "shangma", "district" })
        {
            var bill = await client.GetFromJsonAsync<JsonElement>($"/api/v1/bills?community={community}&period={period}");
            foreach (var figure in bill.GetProperty("figures").EnumerateArray())
            {
                var response = await client.GetAsync(figure.GetProperty("records").GetString());
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var records = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(figure.GetProperty("count").GetInt32(), records.GetProperty("items").GetArrayLength());
            }
        }

        // The operating demo project's running costs: three months in the quarter, partly self-funded.
        var selfFunding = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/bills?community=district&period={period}")).GetProperty("sustainability").GetProperty("total");
        Assert.Equal(3, selfFunding.GetProperty("recordCount").GetInt32());
        Assert.InRange(selfFunding.GetProperty("ratePercent").GetDecimal(), 40m, 90m);
        var list = await client.GetFromJsonAsync<JsonElement>(selfFunding.GetProperty("records").GetString());
        Assert.Equal(3, list.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Seed_GivesTheDashboardAYear_SomeCommunitiesRankedSomeNot()
    {
        await SeedAsync(_ => true);
        var representative = _factory.CreateClient();
        var token = await (await representative.PostAsJsonAsync("/api/v1/auth/token", new { phone = "13900000401", password = "Demo#2025" })).Content.ReadFromJsonAsync<JsonElement>();
        representative.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());

        var dashboard = await representative.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");

        var rows = dashboard.GetProperty("communities").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("rank").ValueKind == JsonValueKind.Number);
        Assert.Contains(rows, r => r.GetProperty("rank").ValueKind == JsonValueKind.Null && r.GetProperty("received").GetProperty("count").GetInt32() > 0);
        var trend = dashboard.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(12, trend.Count);
        Assert.True(trend.Count(p => p.GetProperty("satisfactionRate").GetProperty("percent").ValueKind == JsonValueKind.Number) >= 10);
        Assert.True(dashboard.GetProperty("district").GetProperty("overdue").GetProperty("count").GetInt32() > 0);
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
