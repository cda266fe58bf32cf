using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The merchant's statement: confirmed redemptions of the period with totals, for its own members only.</summary>
public abstract class MerchantStatementTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Statement_ShowsConfirmedRedemptionsOnly_OtherMerchantsMember403_BadPeriod400_PageShowsTotals()
    {
        var world = await _points.WorldAsync(points: 50);
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 10, stock: 5);
        var confirmed = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(resident, item));
            Assert.Equal(HttpStatusCode.OK, (await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null)).StatusCode);
            confirmed.Add(code);
        }

        await PointsTestData.RedeemAsync(resident, item);
        var (_, otherMember) = await _points.MerchantAsync(world.Community);
        using var other = await factory.Data.ApiClientAsync(otherMember);

        var statement = await world.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/statement");
        var foreign = await other.GetAsync($"/api/v1/merchants/{world.MerchantId}/statement");
        var bad = await world.MemberClient.GetAsync($"/api/v1/merchants/{world.MerchantId}/statement?from=2026-03-01&to=2026-02-01");
        var old = await world.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/statement?from=2020-01-01&to=2020-01-31");

        Assert.Equal(2, statement.GetProperty("redemptions").GetInt32());
        Assert.Equal(20, statement.GetProperty("points").GetInt64());
        Assert.Equal(confirmed.Order(), statement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()!).Order());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, old.GetProperty("redemptions").GetInt32());

        using var browser = await factory.Data.BrowserAsync(world.Member);
        var page = await Html.GetAsync(browser, "/merchant/points/statement");
        Assert.Equal("20", page.QuerySelector("#statement-points")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("#statement tbody tr").Length);
    }
}

[Collection(SqliteLane.Name)]
public sealed class MerchantStatementTestsOnSqlite(SqliteAppFactory factory) : MerchantStatementTests(factory);

[Collection(PostgresLane.Name)]
public sealed class MerchantStatementTestsOnPostgres(PostgresAppFactory factory) : MerchantStatementTests(factory);
