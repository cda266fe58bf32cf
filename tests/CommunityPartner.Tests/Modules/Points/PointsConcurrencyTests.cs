using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Spending;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The ledger under parallel requests and retries: never a double spend, never a negative balance, one transfer per key.</summary>
public abstract class PointsConcurrencyTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Redeem_50ParallelOf10PointItemWith100Points_Exactly10SucceedAndBalanceIsZero()
    {
        var world = await _points.WorldAsync(points: 100);
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 10, stock: 100);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PointsTestData.RedeemAsync(resident, item)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var detail = (await refused[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("积分不足：兑换这件物品需要 10 积分", detail);
        Assert.Equal((0L, 100L, 11), await PointsTestData.PassbookAsync(resident));
        Assert.Equal(90, await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == item).Select(i => i.Stock).FirstAsync()));
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task Award_SameKey20TimesInParallel_WritesOneTransferAndAnswersAllAlike()
    {
        var world = await _points.WorldAsync(points: 7);
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PointsTestData.AwardAsync(world.StaffClient, resident.Phone, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetInt64()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await _points.QueryAsync(db => db.Set<PointsTransfer>().CountAsync(t => t.IdempotencyKey.EndsWith(":" + key))));
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal((7L, 0L, 1), await PointsTestData.PassbookAsync(client));
    }

    [Fact]
    public async Task Award_SameKeyDifferentBody_Returns422AndMovesNothing()
    {
        var world = await _points.WorldAsync(points: 5);
        var first = await factory.Data.UserAsync(world.Community, "居民甲");
        var second = await factory.Data.UserAsync(world.Community, "居民乙");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PointsTestData.AwardAsync(world.StaffClient, first.Phone, key)).StatusCode);
        var before = await _points.TransferCountAsync();

        var reused = await PointsTestData.AwardAsync(world.StaffClient, second.Phone, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task Redeem_SameKeyTwice_ReturnsTheSameCodeAndHoldsOnce()
    {
        var world = await _points.WorldAsync(points: 50);
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 20, stock: 10);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PointsTestData.RedeemAsync(resident, item, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single((await Task.WhenAll(responses.Select(PointsTestData.CodeOfAsync))).Distinct());
        Assert.Equal((30L, 20L, 2), await PointsTestData.PassbookAsync(resident));
        Assert.Equal(9, await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == item).Select(i => i.Stock).FirstAsync()));
    }

    [Fact]
    public async Task Write_WithoutIdempotencyKey_Returns400AndStoresNothing()
    {
        var world = await _points.WorldAsync();
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 10, stock: 10);
        var before = await _points.TransferCountAsync();

        var award = await PointsTestData.AwardAsync(world.StaffClient, TestData.NewPhone(), null);
        var redeem = await resident.PostAsJsonAsync("/api/v1/redemptions", new { itemId = item });

        Assert.Equal(HttpStatusCode.BadRequest, award.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, redeem.StatusCode);
        var errors = (await redeem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请求缺少 Idempotency-Key 请求头", errors.GetProperty(Idempotency.Header)[0].GetString());
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task Redeem_30ParallelOfStock5Item_Exactly5Succeed()
    {
        var world = await _points.WorldAsync(points: 1000);
        var (_, resident) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 1, stock: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => PointsTestData.RedeemAsync(resident, item)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(0, await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == item).Select(i => i.Stock).FirstAsync()));
        Assert.Equal((995L, 5L, 6), await PointsTestData.PassbookAsync(resident));
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsConcurrencyTestsOnSqlite(SqliteAppFactory factory) : PointsConcurrencyTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PointsConcurrencyTestsOnPostgres(PostgresAppFactory factory) : PointsConcurrencyTests(factory);
