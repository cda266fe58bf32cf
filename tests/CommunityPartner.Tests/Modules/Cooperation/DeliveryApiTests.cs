using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>
/// Deliveries against a signed intent: the partner records, the project's community confirms or disputes; only
/// confirmed deliveries count as delivered in the asked / pledged / delivered figures.
/// </summary>
public abstract class DeliveryApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task Record_ByMember_Is201_ShownOnTheIntent_AuditedAndStaffNotified()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);

        var response = await RecordAsync(w.Partner.Client, intentId, money, yuan: 20_000, note: "首笔资金已转账");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var delivery = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("recorded", 20_000L, "首笔资金已转账"), (delivery.GetProperty("status").GetString(), delivery.GetProperty("yuan").GetInt64(), delivery.GetProperty("note").GetString()));
        Assert.Equal(w.Partner.Member.Name, delivery.GetProperty("recordedBy").GetString());
        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(delivery.GetProperty("id").GetGuid(), Assert.Single(intent.GetProperty("deliveries").EnumerateArray()).GetProperty("id").GetGuid());
        var id = delivery.GetProperty("id").GetGuid();
        Assert.Equal(["cooperation.delivery.record"], (await _data.AuditOfAsync(id)).Select(a => a.Action));
        Assert.Contains("“{0}”登记了一笔兑现，请确认", await _data.NotificationKeysAsync(w.Staff.Id));
    }

    [Fact]
    public async Task Record_ByMemberOfAnotherPartnerOrByStaff_Is403AndNothingStored()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);
        var otherPartner = await _data.PartnerAsync(w.Community);
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        foreach (var client in new[] { otherPartner.Client, w.StaffClient, admin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(client, intentId, money, yuan: 1_000)).StatusCode);
        }

        Assert.Equal(0, await CountAsync(intentId));
    }

    [Fact]
    public async Task Record_OnAnUnsignedIntent_Is409()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await AcceptedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);

        var response = await RecordAsync(w.Partner.Client, intentId, money, yuan: 1_000);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("合作意向尚未签署，不能登记兑现", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(intentId));
    }

    [Fact]
    public async Task Record_BadInput_Is400WithFieldErrorsAndNothingStored()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, service) = await LinesAsync(w, intentId);
        var other = w with { Partner = await _data.PartnerAsync(w.Community) };
        var (_, otherIntentId) = await SignedAsync(other);
        var (otherMoney, _) = await LinesAsync(other, otherIntentId);

        var cases = new (object Body, string Field)[]
        {
            (new { lineId = money, yuan = 0, note = "到账" }, "yuan"),
            (new { lineId = money, yuan = -5, note = "到账" }, "yuan"),
            (new { lineId = service, hours = 0, yuan = 100, note = "服务" }, "hours"),
            (new { lineId = service, hours = -3, note = "服务" }, "hours"),
            (new { lineId = money, yuan = 100, note = "  " }, "note"),
            (new { lineId = money, yuan = 100 }, "note"),
            (new { lineId = money, yuan = 100, note = new string('字', Delivery.NoteMax + 1) }, "note"),
            (new { lineId = otherMoney, yuan = 100, note = "别人的" }, "lineId"),
            (new { yuan = 100, note = "没有选择" }, "lineId"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await w.Partner.Client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        }

        Assert.Equal(0, await CountAsync(intentId));
    }

    [Fact]
    public async Task ConfirmOrDispute_ByStaffOfAnotherCommunityOrByThePartner_Is403()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);
        var id = await RecordedAsync(w, intentId, money, 1_000);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        foreach (var client in new[] { otherStaff, w.Partner.Client })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/deliveries/{id}/confirm", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/deliveries/{id}/dispute", new { reason = "不对" })).StatusCode);
        }

        Assert.Equal(DeliveryStatus.Recorded, await StatusAsync(id));
    }

    [Fact]
    public async Task Confirm_Twice_Is409_AndDisputeNeedsAReasonAndCanBeReRecorded()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, service) = await LinesAsync(w, intentId);
        var confirmed = await RecordedAsync(w, intentId, money, 1_000);
        var disputed = await RecordedAsync(w, intentId, service, 0, hours: 5);

        var first = await w.StaffClient.PostAsync($"/api/v1/deliveries/{confirmed}/confirm", null);
        var twice = await w.StaffClient.PostAsync($"/api/v1/deliveries/{confirmed}/confirm", null);
        var disputeConfirmed = await w.StaffClient.PostAsJsonAsync($"/api/v1/deliveries/{confirmed}/dispute", new { reason = "金额不符" });
        var noReason = await w.StaffClient.PostAsJsonAsync($"/api/v1/deliveries/{disputed}/dispute", new { reason = " " });
        var dispute = await w.StaffClient.PostAsJsonAsync($"/api/v1/deliveries/{disputed}/dispute", new { reason = "只来了 3 小时" });
        var confirmDisputed = await w.StaffClient.PostAsync($"/api/v1/deliveries/{disputed}/confirm", null);
        var again = await RecordAsync(w.Partner.Client, intentId, service, yuan: 0, hours: 3, note: "按社区意见重新登记 3 小时");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Created),
            (first.StatusCode, twice.StatusCode, disputeConfirmed.StatusCode, noReason.StatusCode, dispute.StatusCode, confirmDisputed.StatusCode, again.StatusCode));
        Assert.Contains("reason", ProblemJson.Errors(await ProblemJson.ReadAsync(noReason)).Keys);
        var disputedView = await dispute.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("disputed", "只来了 3 小时", w.Staff.Name), (disputedView.GetProperty("status").GetString(), disputedView.GetProperty("disputeReason").GetString(), disputedView.GetProperty("decidedBy").GetString()));
        Assert.Equal(["cooperation.delivery.record", "cooperation.delivery.confirm"], (await _data.AuditOfAsync(confirmed)).Select(a => a.Action));
        Assert.Equal(["cooperation.delivery.record", "cooperation.delivery.dispute"], (await _data.AuditOfAsync(disputed)).Select(a => a.Action));
        var keys = await _data.NotificationKeysAsync(w.Partner.Member.Id);
        Assert.Contains("社区已确认“{0}”登记的兑现", keys);
        Assert.Contains("社区对“{0}”登记的兑现提出了异议", keys);
        Assert.Equal(3, await CountAsync(intentId));
    }

    [Fact]
    public async Task Confirm_TwiceInParallel_OneSucceedsAndItIsCountedOnce()
    {
        var w = await _data.WorldAsync();
        var secondStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(w.Community));
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);
        var id = await RecordedAsync(w, intentId, money, 7_000);

        var responses = await Task.WhenAll(
            w.StaffClient.PostAsync($"/api/v1/deliveries/{id}/confirm", null),
            secondStaff.PostAsync($"/api/v1/deliveries/{id}/confirm", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Single(await _data.AuditOfAsync(id), a => a.Action == "cooperation.delivery.confirm");
        var funding = Figure(await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}"), w.FundingAsk);
        Assert.Equal(7_000L, funding.GetProperty("deliveredYuan").GetInt64());
    }

    [Fact]
    public async Task Confirm_TwoDeliveriesAtOnce_BothAreCountedOnce()
    {
        var w = await _data.WorldAsync();
        var secondStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(w.Community));
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await LinesAsync(w, intentId);
        var first = await RecordedAsync(w, intentId, money, 7_000);
        var second = await RecordedAsync(w, intentId, money, 4_000);

        var responses = await Task.WhenAll(
            w.StaffClient.PostAsync($"/api/v1/deliveries/{first}/confirm", null),
            secondStaff.PostAsync($"/api/v1/deliveries/{second}/confirm", null));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((DeliveryStatus.Confirmed, DeliveryStatus.Confirmed), (await StatusAsync(first), await StatusAsync(second)));
        var funding = Figure(await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}"), w.FundingAsk);
        Assert.Equal(11_000L, funding.GetProperty("deliveredYuan").GetInt64());
    }

    [Fact]
    public async Task Figures_AskedPledgedDelivered_CountOnlyConfirmedDeliveriesAndEqualTheRecords()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, service) = await LinesAsync(w, intentId);
        await ConfirmAsync(w, await RecordedAsync(w, intentId, money, 20_000));
        await ConfirmAsync(w, await RecordedAsync(w, intentId, money, 5_000));
        await RecordedAsync(w, intentId, money, 9_000);
        await ConfirmAsync(w, await RecordedAsync(w, intentId, service, 2_000, hours: 10));
        var disputed = await RecordedAsync(w, intentId, service, 0, hours: 30);
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsJsonAsync($"/api/v1/deliveries/{disputed}/dispute", new { reason = "没有这么多" }), "dispute");

        var intent = await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/intents/{intentId}");
        var funding = Figure(intent, w.FundingAsk);
        var serviceAsk = Figure(intent, w.ServiceAsk);

        Assert.Equal((50_000L, 50_000L, 25_000L), (funding.GetProperty("askedYuan").GetInt64(), funding.GetProperty("pledgedYuan").GetInt64(), funding.GetProperty("deliveredYuan").GetInt64()));
        Assert.Equal((40, 40, 10), (serviceAsk.GetProperty("askedHours").GetInt32(), serviceAsk.GetProperty("pledgedHours").GetInt32(), serviceAsk.GetProperty("deliveredHours").GetInt32()));
        Assert.Equal((8_000L, 2_000L), (serviceAsk.GetProperty("pledgedYuan").GetInt64(), serviceAsk.GetProperty("deliveredYuan").GetInt64()));
        var recorded = await _data.QueryAsync(db => db.Set<Delivery>().AsNoTracking()
            .Where(d => d.IntentId == intentId && d.Status == DeliveryStatus.Confirmed).ToListAsync());
        Assert.Equal(funding.GetProperty("deliveredYuan").GetInt64(), recorded.Where(d => d.NeedId == w.FundingAsk).Sum(d => d.Yuan));
        Assert.Equal(serviceAsk.GetProperty("deliveredHours").GetInt32(), recorded.Where(d => d.NeedId == w.ServiceAsk).Sum(d => d.Hours ?? 0));
        Assert.Equal(5, intent.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDeliveryEndpoints()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.Equal("RecordDelivery", paths.GetProperty("/api/v1/intents/{id}/deliveries").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ConfirmDelivery", paths.GetProperty("/api/v1/deliveries/{id}/confirm").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("DisputeDelivery", paths.GetProperty("/api/v1/deliveries/{id}/dispute").GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(paths.GetProperty("/api/v1/intents/{id}/deliveries").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
    }

    private static JsonElement Figure(JsonElement intent, Guid askId) =>
        intent.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == askId);

    /// <summary>The money line and the service line of the intent's newest version.</summary>
    internal static async Task<(Guid Money, Guid Service)> LinesAsync(CooperationWorld w, Guid intentId)
    {
        var lines = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}")).GetProperty("versions")[0].GetProperty("lines").EnumerateArray().ToList();
        Guid Line(string kind) => lines.First(l => l.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();
        return (Line("money"), Line("service"));
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid intentId, Guid lineId, long yuan, int? hours = null, string note = "已兑现") =>
        client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", new { lineId, yuan, hours, note });

    private static async Task<Guid> RecordedAsync(CooperationWorld w, Guid intentId, Guid lineId, long yuan, int? hours = null)
    {
        var response = await RecordAsync(w.Partner.Client, intentId, lineId, yuan, hours);
        await ProjectsTestData.EnsureAsync(response, "record delivery");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ConfirmAsync(CooperationWorld w, Guid deliveryId) =>
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/deliveries/{deliveryId}/confirm", null), "confirm delivery");

    private Task<int> CountAsync(Guid intentId) => _data.QueryAsync(db => db.Set<Delivery>().CountAsync(d => d.IntentId == intentId));

    private Task<DeliveryStatus> StatusAsync(Guid id) => _data.QueryAsync(db => db.Set<Delivery>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
}

[Collection(SqliteLane.Name)]
public sealed class DeliveryApiTestsOnSqlite(SqliteAppFactory factory) : DeliveryApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class DeliveryApiTestsOnPostgres(PostgresAppFactory factory) : DeliveryApiTests(factory);
