using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Spending;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>Who may move points where: staff in their own community, merchants on their own codes, residents on their own passbook.</summary>
public abstract class PointsRulesTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Award_ResidentOfAnotherCommunity_Returns403AndMovesNothing()
    {
        var world = await _points.WorldAsync();
        var elsewhere = await factory.Data.UserAsync(await factory.Data.CommunityAsync(), "外社区居民");
        var before = await _points.TransferCountAsync();

        var response = await PointsTestData.AwardAsync(world.StaffClient, elsewhere.Phone, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("只能给本社区的居民发放积分", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task Award_ByResident_Returns403()
    {
        var world = await _points.WorldAsync();
        var (_, resident) = await _points.ResidentAsync(world, awards: 0);

        var response = await PointsTestData.AwardAsync(resident, TestData.NewPhone(), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Award_BadPhoneAndNoActivity_Returns400WithFieldErrorsAndStoresNothing()
    {
        var world = await _points.WorldAsync();
        var before = await _points.TransferCountAsync();

        var response = await PointsTestData.AwardAsync(world.StaffClient, "12345", Guid.NewGuid().ToString(), activityType: "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写居民的 11 位手机号", errors.GetProperty("phone")[0].GetString());
        Assert.Equal("请选择活动类型", errors.GetProperty("activityType")[0].GetString());
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task Award_PastTheDailyCap_Returns409AndTheCapHolds()
    {
        var world = await _points.WorldAsync(points: 10, cap: 20);
        var resident = await factory.Data.UserAsync(world.Community, "居民");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PointsTestData.AwardAsync(world.StaffClient, resident.Phone, Guid.NewGuid().ToString())));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal(20, (await PointsTestData.PassbookAsync(client)).Balance);
    }

    [Fact]
    public async Task Confirm_ByAnotherMerchantsMember_Returns403_ByOwnMember_MovesHeldPointsToTheMerchant()
    {
        var world = await _points.WorldAsync(points: 30);
        var (_, resident) = await _points.ResidentAsync(world);
        var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(resident, await PointsTestData.ItemAsync(world, price: 10, stock: 3)));
        var (_, otherMember) = await _points.MerchantAsync(world.Community);
        using var other = await factory.Data.ApiClientAsync(otherMember);

        var refused = await other.PostAsync($"/api/v1/redemptions/{code}/confirm", null);
        var confirmed = await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null);
        var again = await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null);
        var cancelAfter = await resident.PostAsync($"/api/v1/redemptions/{code}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelAfter.StatusCode);
        Assert.Equal("confirmed", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal((20L, 0L, 3), await PointsTestData.PassbookAsync(resident));
        var audit = await _points.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Redemption)).Select(a => a.Action).ToListAsync());
        Assert.Contains("points.redemption.confirmed", audit);
    }

    [Fact]
    public async Task Cancel_ByTheResident_ReleasesPointsAndStock_ByAnotherResident_Returns404()
    {
        var world = await _points.WorldAsync(points: 30);
        var (_, resident) = await _points.ResidentAsync(world);
        var (_, neighbour) = await _points.ResidentAsync(world, awards: 0);
        var item = await PointsTestData.ItemAsync(world, price: 10, stock: 1);
        var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(resident, item));

        var foreign = await neighbour.PostAsync($"/api/v1/redemptions/{code}/cancel", null);
        var cancelled = await resident.PostAsync($"/api/v1/redemptions/{code}/cancel", null);
        var confirmAfter = await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, confirmAfter.StatusCode);
        Assert.Equal((30L, 0L, 3), await PointsTestData.PassbookAsync(resident));
        Assert.Equal(1, await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == item).Select(i => i.Stock).FirstAsync()));
    }

    [Fact]
    public async Task Passbook_ShowsOnlyTheCallersOwnMovements()
    {
        var world = await _points.WorldAsync(points: 15);
        var (_, resident) = await _points.ResidentAsync(world, awards: 2);
        var (_, neighbour) = await _points.ResidentAsync(world, awards: 0);

        Assert.Equal((30L, 0L, 2), await PointsTestData.PassbookAsync(resident));
        Assert.Equal((0L, 0L, 0), await PointsTestData.PassbookAsync(neighbour));
        using var anonymous = await factory.Data.ApiClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/points/me")).StatusCode);
    }

    [Fact]
    public async Task AddItem_ByANonMember_Returns403_BadInput_Returns400()
    {
        var world = await _points.WorldAsync();

        var foreign = await world.StaffClient.PostAsJsonAsync($"/api/v1/merchants/{world.MerchantId}/items", new { name = "酱油", pointsPrice = 5, stock = 1 });
        var bad = await world.MemberClient.PostAsJsonAsync($"/api/v1/merchants/{world.MerchantId}/items", new { name = "", pointsPrice = 0, stock = -1 });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("pointsPrice", out _) && errors.TryGetProperty("stock", out _));
        var items = await world.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/items");
        Assert.Equal(0, items.GetArrayLength());
    }

    [Fact]
    public async Task PoolStatement_ForItsStaff_ShowsWhatWasIssued_OtherStaff_Get403()
    {
        var world = await _points.WorldAsync(points: 9);
        await _points.ResidentAsync(world, awards: 2);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        var statement = await world.StaffClient.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{world.Community.Code}/points/statement");
        var refused = await otherStaff.GetAsync($"/api/v1/communities/{world.Community.Code}/points/statement");

        Assert.Equal((18L, 18L), (statement.GetProperty("awarded").GetInt64(), statement.GetProperty("outstanding").GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AwardAndRedeem_AreAudited()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, client) = await _points.ResidentAsync(world);
        await PointsTestData.RedeemAsync(client, await PointsTestData.ItemAsync(world, price: 10, stock: 1));

        var actions = await _points.QueryAsync(db => db.AuditEntries.Where(a => a.ActorId == resident.Id || a.ActorId == world.Staff.Id).Select(a => a.Action).ToListAsync());

        Assert.Contains("points.award", actions);
        Assert.Contains("points.redeem", actions);
        Assert.Contains("points.earn-rule.save", actions);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsRulesTestsOnSqlite(SqliteAppFactory factory) : PointsRulesTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PointsRulesTestsOnPostgres(PostgresAppFactory factory) : PointsRulesTests(factory);
