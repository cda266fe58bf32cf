using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Cooperation;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The negotiation over HTTP: thread, amendments, decline, withdraw, and who is refused on each endpoint.</summary>
public abstract class NegotiateOfferApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task Messages_EachSideWritesAndTheOtherIsTold()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);

        var fromStaff = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/messages", new { text = "什么时候能来看现场？" });
        var fromPartner = await w.Partner.Client.PostAsJsonAsync($"/api/v1/offers/{id}/messages", new { text = "下周二可以。" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromStaff.StatusCode, fromPartner.StatusCode));
        var thread = (await fromPartner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("side").GetString(), m.GetProperty("text").GetString())).ToList();
        Assert.Equal([("partner", "我们愿意出力"), ("community", "什么时候能来看现场？"), ("partner", "下周二可以。")], thread);
        Assert.Contains("关于“{0}”的出力方案有新留言", await _data.NotificationKeysAsync(w.Partner.Member.Id));
        Assert.Contains("关于“{0}”的出力方案有新留言", await _data.NotificationKeysAsync(w.Staff.Id));
        var empty = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/messages", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Amend_ByStaff_ReplacesLinesAndThreadShowsOldToNew()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w, [Money(10_000, w.FundingAsk)]);

        var response = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/amend", new { lines = new[] { Money(12_000, w.FundingAsk) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = await _data.LoadAsync(id);
        Assert.Equal(12_000, Assert.Single(offer.Lines).Yuan);
        Assert.Contains(offer.Messages, m => m.Side == OfferSide.System && m.Text == "资金 10000 元 → 资金 12000 元");
        Assert.Contains(await _data.AuditOfAsync(id), a => a.Action == "cooperation.offer.amend");

        var bad = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/amend", new { lines = new[] { Money(-1, w.FundingAsk) } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(12_000, Assert.Single((await _data.LoadAsync(id)).Lines).Yuan);
    }

    [Fact]
    public async Task Decline_NeedsAReasonThenEndsTheOffer()
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);

        var noReason = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/decline", new { reason = "" });
        var declined = await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/decline", new { reason = "资金已由街道落实" });
        var again = await w.StaffClient.PostAsync($"/api/v1/offers/{id}/accept", null);
        var message = await w.Partner.Client.PostAsJsonAsync($"/api/v1/offers/{id}/messages", new { text = "好的" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", ProblemJson.Errors(await ProblemJson.ReadAsync(noReason)).Keys);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("资金已由街道落实", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("declineReason").GetString());
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (again.StatusCode, message.StatusCode));
        Assert.Contains("社区婉拒了“{0}”的出力方案", await _data.NotificationKeysAsync(w.Partner.Member.Id));
    }

    [Fact]
    public async Task Withdraw_AfterAcceptVoidsTheIntentButNotAfterSigning()
    {
        var w = await _data.WorldAsync();
        var (accepted, intentId) = await AcceptedAsync(w);
        var (signed, _) = await SignedAsync(w);

        var first = await w.Partner.Client.PostAsync($"/api/v1/offers/{accepted}/withdraw", null);
        var confirm = await w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null);
        var late = await w.Partner.Client.PostAsync($"/api/v1/offers/{signed}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("withdrawn", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(OfferStatus.IntentSigned, (await _data.LoadAsync(signed)).Status);
    }

    public static TheoryData<string> Actions() => ["get", "messages", "amend", "submit", "withdraw", "accept", "decline"];

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, Guid id, string action, CooperationWorld w) => action switch
    {
        "get" => client.GetAsync($"/api/v1/offers/{id}"),
        "messages" => client.PostAsJsonAsync($"/api/v1/offers/{id}/messages", new { text = "你好" }),
        "amend" => client.PostAsJsonAsync($"/api/v1/offers/{id}/amend", new { lines = CoveringLines(w) }),
        "decline" => client.PostAsJsonAsync($"/api/v1/offers/{id}/decline", new { reason = "不需要" }),
        _ => client.PostAsync($"/api/v1/offers/{id}/{action}", null),
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EveryEndpoint_StaffOfAnotherCommunityAndMemberOfAnotherPartner_AreRefusedAndNothingChanges(string action)
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);
        var elsewhere = await factory.Data.CommunityAsync();
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(elsewhere));
        var otherPartner = await _data.PartnerAsync(w.Community);
        var before = await _data.LoadAsync(id);

        var byStaff = await CallAsync(otherStaff, id, action, w);
        var byPartner = await CallAsync(otherPartner.Client, id, action, w);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byStaff.StatusCode, byPartner.StatusCode));
        var after = await _data.LoadAsync(id);
        Assert.Equal((before.Status, before.Version, before.Messages.Count), (after.Status, after.Version, after.Messages.Count));
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    public async Task StaffActions_ByTheOfferingPartner_AreRefused(string action)
    {
        var w = await _data.WorldAsync();
        var id = await OfferAsync(w);

        var response = await CallAsync(w.Partner.Client, id, action, w);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OfferStatus.Negotiating, (await _data.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Get_UnknownOffer_Is404()
    {
        var w = await _data.WorldAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await w.StaffClient.GetAsync($"/api/v1/offers/{Guid.NewGuid()}")).StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class NegotiateOfferApiTestsOnSqlite(SqliteAppFactory factory) : NegotiateOfferApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NegotiateOfferApiTestsOnPostgres(PostgresAppFactory factory) : NegotiateOfferApiTests(factory);
