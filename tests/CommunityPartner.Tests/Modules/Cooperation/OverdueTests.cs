using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Cooperation.Overdue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>
/// 兑现期限 and 逾期未兑现: a due date on the offer, frozen into the intent; a signed intent past due with a line not
/// delivered is flagged to both sides and notified once. Past due dates are written straight into the data, so the
/// shared clock never moves.
/// </summary>
public abstract class OverdueTests(AppFactory factory)
{
    private const string OverdueKey = "“{0}”为项目“{1}”承诺的出力已过兑现期限（{2}）仍未全部兑现，请双方尽快沟通";

    private readonly CooperationTestData _data = new(factory);

    private DateOnly Today => Offer.Today(factory.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData(-1, "兑现期限不能早于今天")]
    [InlineData(3 * 366 + 1, "兑现期限最多定在 3 年之内")]
    public async Task Offer_WithDueDateInThePastOrTooFarAhead_Is400WithMessageAndNothingStored(int days, string message)
    {
        var w = await _data.WorldAsync();
        var before = await _data.CountRowsAsync();

        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { lines = CoveringLines(w), dueOn = Today.AddDays(days) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, ProblemJson.Errors(await ProblemJson.ReadAsync(response))["dueOn"]);
        Assert.Equal(before, await _data.CountRowsAsync());
    }

    [Fact]
    public async Task OfferPage_DueDateInThePast_ShowsTheFieldErrorAndStoresNothing_AValidOneIsShownOnTheOffer()
    {
        var w = await _data.WorldAsync();
        using var browser = await factory.Data.BrowserAsync(w.Partner.Member);
        var before = await _data.CountRowsAsync();
        Dictionary<string, string> Form(DateOnly due) => new()
        {
            ["Lines[0].Kind"] = "money",
            ["Lines[0].NeedId"] = w.FundingAsk.ToString(),
            ["Lines[0].Yuan"] = "1000",
            ["DueOn"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        var refused = await Html.SubmitFormAsync(browser, $"/projects/{w.ProjectId}/offer", Form(Today.AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("兑现期限不能早于今天", Html.FieldErrors(await Html.ParseAsync(refused)));
        Assert.Equal(before, await _data.CountRowsAsync());

        var made = await Html.SubmitFormAsync(browser, $"/projects/{w.ProjectId}/offer", Form(Today.AddDays(60)));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await Html.GetAsync(browser, Responses.LocationPath(made));
        Assert.Contains($"兑现期限：{Offer.DueText(Today.AddDays(60))}", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueDate_DefaultsTo90Days_IsAmendable_AndFrozenIntoTheIntentVersion()
    {
        var w = await _data.WorldAsync();
        var offerId = await OfferAsync(w);
        Assert.Equal(Today.AddDays(90), (await _data.LoadAsync(offerId)).DueOn);

        var due = Today.AddDays(30);
        var amend = await w.Partner.Client.PostAsJsonAsync($"/api/v1/offers/{offerId}/amend", new { lines = CoveringLines(w), dueOn = due });
        await ProjectsTestData.EnsureAsync(amend, "amend");
        var offer = await _data.LoadAsync(offerId);
        Assert.Equal(due, offer.DueOn);
        Assert.Contains(offer.Messages, m => m.Side == OfferSide.System && m.Text.EndsWith($"；兑现期限 {Offer.DueText(Today.AddDays(90))} → {Offer.DueText(due)}", StringComparison.Ordinal));

        var accept = await w.StaffClient.PostAsync($"/api/v1/offers/{offerId}/accept", null);
        await ProjectsTestData.EnsureAsync(accept, "accept");
        var intentId = (await accept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intentId").GetGuid();
        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(Offer.DueText(due), intent.GetProperty("versions")[0].GetProperty("dueOn").GetString());
        Assert.False(intent.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task PastDueAndUndelivered_IsFlaggedOnTheIntentAndBothLists_FutureDueIsNot()
    {
        var w = await _data.WorldAsync();
        var (offerId, intentId) = await SignedAsync(w);
        var (_, futureIntentId) = await SignedAsync(w);

        Assert.False(await OverdueAsync(w, intentId));
        await DueAsync(intentId, Today.AddDays(-1));

        Assert.True(await OverdueAsync(w, intentId));
        Assert.False(await OverdueAsync(w, futureIntentId));
        var flag = $"逾期未兑现（兑现期限 {Offer.DueText(Today.AddDays(-1))}）";
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var staff = await factory.Data.BrowserAsync(w.Staff);
        Assert.Contains(flag, (await Html.GetAsync(partner, $"/intents/{intentId}")).QuerySelector("main .alert.overdue")?.TextContent);
        Assert.Contains(flag, (await Html.GetAsync(staff, $"/intents/{intentId}")).QuerySelector("main .alert.overdue")?.TextContent);
        foreach (var (client, path) in new[] { (partner, "/offers/mine"), (staff, "/admin/offers") })
        {
            var cards = (await Html.GetAsync(client, path)).QuerySelectorAll("main li.card").ToList();
            Assert.Contains(flag, cards.Single(c => c.QuerySelector($"a[href='/offers/{offerId}']") is not null).QuerySelector(".overdue")?.TextContent);
            Assert.Single(cards, c => c.QuerySelector(".overdue") is not null);
        }
    }

    [Fact]
    public async Task PastDueButFullyDelivered_IsNotOverdue_AndNobodyIsNotified()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, service) = await DeliveryApiTests.LinesAsync(w, intentId);
        await DeliverAsync(w, intentId, new { lineId = money, yuan = 50_000, note = "资金已到账" });
        await DueAsync(intentId, Today.AddDays(-1));
        Assert.True(await OverdueAsync(w, intentId));

        await DeliverAsync(w, intentId, new { lineId = service, yuan = 8_000, hours = 40, note = "服务已完成" });

        Assert.False(await OverdueAsync(w, intentId));
        await RunJobAsync();
        Assert.DoesNotContain(OverdueKey, await _data.NotificationKeysAsync(w.Staff.Id));
        Assert.Null(await NotifiedAtAsync(intentId));
    }

    [Fact]
    public async Task Job_NotifiesBothSidesExactlyOnce_EvenWhenRunTwice_AndAudits()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        await DueAsync(intentId, Today.AddDays(-2));

        await RunJobAsync();
        await RunJobAsync();

        Assert.Single(await _data.NotificationKeysAsync(w.Staff.Id), k => k == OverdueKey);
        Assert.Single(await _data.NotificationKeysAsync(w.Partner.Member.Id), k => k == OverdueKey);
        Assert.NotNull(await NotifiedAtAsync(intentId));
        Assert.Single(await _data.AuditOfAsync(intentId), a => a.Action == "cooperation.intent.overdue");
    }

    private Task<int> DueAsync(Guid intentId, DateOnly due) => _data.QueryAsync(db =>
        db.Set<IntentVersion>().Where(v => v.IntentId == intentId).ExecuteUpdateAsync(s => s.SetProperty(v => v.DueOn, (DateOnly?)due)));

    private Task<DateTime?> NotifiedAtAsync(Guid intentId) => _data.QueryAsync(db =>
        db.Set<IntentVersion>().Where(v => v.IntentId == intentId).Select(v => v.OverdueNotifiedAt).SingleAsync());

    private static async Task<bool> OverdueAsync(CooperationWorld w, Guid intentId) =>
        (await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/intents/{intentId}")).GetProperty("overdue").GetBoolean();

    private static async Task DeliverAsync(CooperationWorld w, Guid intentId, object body)
    {
        var recorded = await w.Partner.Client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", body);
        await ProjectsTestData.EnsureAsync(recorded, "record delivery");
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/deliveries/{id}/confirm", null), "confirm delivery");
    }

    private async Task RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OverdueIntents>().NotifyNewlyOverdueAsync(CancellationToken.None);
    }
}

[Collection(SqliteLane.Name)]
public sealed class OverdueTestsOnSqlite(SqliteAppFactory factory) : OverdueTests(factory);

[Collection(PostgresLane.Name)]
public sealed class OverdueTestsOnPostgres(PostgresAppFactory factory) : OverdueTests(factory);
