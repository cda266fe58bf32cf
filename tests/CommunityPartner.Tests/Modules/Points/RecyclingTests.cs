using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>Green station drop-offs: the operator records them, the rate table pays whole points from the community pool.</summary>
public abstract class RecyclingTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Dropoff_ByTheOperator_PaysByTheRateRoundedDown_AndOncePerKey()
    {
        var (world, station, operatorClient) = await StationAsync();
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DropoffAsync(operatorClient, station, resident.Phone, "paper", 2_550, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(51, (await responses[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetInt64());
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal((51L, 0L, 1), await PointsTestData.PassbookAsync(client));
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task Dropoff_ByAnyoneElse_Returns403_BadInput_Returns400_NothingStored()
    {
        var (world, station, operatorClient) = await StationAsync();
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        var before = await _points.TransferCountAsync();

        var byStaff = await DropoffAsync(world.StaffClient, station, resident.Phone, "paper", 1_000, Guid.NewGuid().ToString());
        var bad = await DropoffAsync(operatorClient, station, "123", "gold", 0, Guid.NewGuid().ToString());
        var tooLight = await DropoffAsync(operatorClient, station, resident.Phone, "paper", 10, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("phone", out _) && errors.TryGetProperty("category", out _) && errors.TryGetProperty("weightGrams", out _));
        Assert.Equal("重量太少，不足 1 积分", (await tooLight.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("weightGrams")[0].GetString());
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task SaveRate_ByStaffOfAnotherCommunity_Returns403()
    {
        var (_, station, _) = await StationAsync();
        var other = await factory.Data.CommunityAsync();
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(other));

        var response = await otherStaff.PutAsJsonAsync($"/api/v1/stations/{station}/rates/paper", new { name = "纸类", pointsPerKg = 99 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DropoffPage_OperatorRecordsKilograms_ResidentGetsPoints()
    {
        var (world, _, _, operatorUser) = await StationWithOperatorAsync();
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        using var browser = await factory.Data.BrowserAsync(operatorUser);

        var response = await Html.SubmitFormAsync(browser, "/station/dropoffs",
            new Dictionary<string, string> { ["Input.Phone"] = resident.Phone, ["Input.Category"] = "paper", ["Input.WeightKg"] = "1.5" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal(30, (await PointsTestData.PassbookAsync(client)).Balance);
    }

    private async Task<(PointsWorld World, Guid Station, HttpClient Operator)> StationAsync()
    {
        var (world, station, client, _) = await StationWithOperatorAsync();
        return (world, station, client);
    }

    private async Task<(PointsWorld World, Guid Station, HttpClient Operator, UserRef OperatorUser)> StationWithOperatorAsync()
    {
        var world = await _points.WorldAsync();
        var operatorUser = await factory.Data.UserAsync(world.Community, "驿站运营", Roles.StationOperator);
        var created = await world.StaffClient.PostAsJsonAsync("/api/v1/stations", new { name = "测试驿站", operatorPhones = new[] { operatorUser.Phone } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var station = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var rate = await world.StaffClient.PutAsJsonAsync($"/api/v1/stations/{station}/rates/paper", new { name = "纸类", pointsPerKg = 20 });
        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        return (world, station, await factory.Data.ApiClientAsync(operatorUser), operatorUser);
    }

    private static Task<HttpResponseMessage> DropoffAsync(HttpClient client, Guid station, string phone, string category, int weightGrams, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stations/{station}/dropoffs") { Content = JsonContent.Create(new { phone, category, weightGrams }) };
        request.Headers.Add(Idempotency.Header, key);
        return client.SendAsync(request);
    }
}

[Collection(SqliteLane.Name)]
public sealed class RecyclingTestsOnSqlite(SqliteAppFactory factory) : RecyclingTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RecyclingTestsOnPostgres(PostgresAppFactory factory) : RecyclingTests(factory);
