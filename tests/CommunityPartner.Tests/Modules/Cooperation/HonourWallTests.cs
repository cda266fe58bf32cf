using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>
/// The honour wall (爱心榜): verified, opted-in partners by confirmed deliveries only, per community and district;
/// each figure opens its deliveries; members toggle the opt-in.
/// </summary>
public abstract class HonourWallTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task Wall_CountsOnlyConfirmedDeliveriesOfVerifiedOptedInPartners()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w, [Money(30_000, w.FundingAsk), Service("设计服务", 40, 8_000, w.ServiceAsk)]);
        var (money, service) = await LinesAsync(w, intentId);
        await DeliverAsync(w, intentId, money, 12_000, null, "confirm");
        await DeliverAsync(w, intentId, money, 5_000, null, null);
        await DeliverAsync(w, intentId, money, 3_000, null, "dispute");
        await DeliverAsync(w, intentId, service, 2_000, 10, "confirm");
        // A second partner delivers too but opts out of the wall.
        var shy = w with { Partner = await _data.PartnerAsync(w.Community) };
        var (_, shyIntent) = await SignedAsync(shy, [Money(1_000, w.FundingAsk)]);
        await DeliverAsync(shy, shyIntent, (await LinesAsync(shy, shyIntent)).Money, 1_000, null, "confirm");
        Assert.Equal(HttpStatusCode.OK, (await shy.Partner.Client.PostAsJsonAsync($"/api/v1/partners/{shy.Partner.PartnerId}/honour-wall", new { show = false })).StatusCode);
        // An unverified partner that opted in is never shown.
        var pending = await _data.PartnerAsync(w.Community, verified: false);
        using var anonymous = factory.CreateClient();

        foreach (var path in new[] { $"/honour?community={w.Community.Code}", "/honour" })
        {
            var page = await Html.GetAsync(anonymous, path);
            var row = page.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector($"a[href='/partners/{w.Partner.PartnerId}']") is not null);
            Assert.Equal(["12,000 元", "10 小时", "0 元"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
            Assert.Null(page.QuerySelector($"main a[href='/partners/{shy.Partner.PartnerId}']"));
            Assert.Null(page.QuerySelector($"main a[href='/partners/{pending.PartnerId}']"));
        }

        var details = await Html.GetAsync(anonymous, $"/honour/{w.Partner.PartnerId}?community={w.Community.Code}");
        Assert.Equal(2, details.QuerySelectorAll("main ul.list li").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/honour/{shy.Partner.PartnerId}")).StatusCode);
    }

    [Fact]
    public async Task HonourWallToggle_OnlyMembers_TwiceIs409_Audited()
    {
        var w = await _data.WorldAsync();
        var path = $"/api/v1/partners/{w.Partner.PartnerId}/honour-wall";
        var other = await _data.PartnerAsync(w.Community);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.StaffClient.PostAsJsonAsync(path, new { show = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync(path, new { show = false })).StatusCode);
        var off = await w.Partner.Client.PostAsJsonAsync(path, new { show = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("showOnHonourWall").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await w.Partner.Client.PostAsJsonAsync(path, new { show = false })).StatusCode);
        Assert.Contains(await _data.AuditOfAsync(w.Partner.PartnerId), a => a.Action == "partners.honour_wall");

        using var browser = await factory.Data.BrowserAsync(w.Partner.Member);
        var joined = await Html.SubmitFormAsync(browser, $"/partners/{w.Partner.PartnerId}", new Dictionary<string, string>(), "HonourWall");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.True((await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/partners/{w.Partner.PartnerId}")).GetProperty("showOnHonourWall").GetBoolean());
    }

    private static async Task<(Guid Money, Guid Service)> LinesAsync(CooperationWorld w, Guid intentId)
    {
        var lines = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}")).GetProperty("versions")[0].GetProperty("lines").EnumerateArray().ToList();
        Guid Line(string kind) => lines.FirstOrDefault(l => l.GetProperty("kind").GetString() == kind) is { ValueKind: JsonValueKind.Object } l ? l.GetProperty("id").GetGuid() : Guid.Empty;
        return (Line("money"), Line("service"));
    }

    private static async Task DeliverAsync(CooperationWorld w, Guid intentId, Guid lineId, long yuan, int? hours, string? decide)
    {
        var recorded = await w.Partner.Client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", new { lineId, yuan, hours, note = "已兑现" });
        await ProjectsTestData.EnsureAsync(recorded, "record");
        if (decide is not null)
        {
            var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsJsonAsync($"/api/v1/deliveries/{id}/{decide}", new { reason = "没有收到" }), decide);
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class HonourWallTestsOnSqlite(SqliteAppFactory factory) : HonourWallTests(factory);

[Collection(PostgresLane.Name)]
public sealed class HonourWallTestsOnPostgres(PostgresAppFactory factory) : HonourWallTests(factory);
