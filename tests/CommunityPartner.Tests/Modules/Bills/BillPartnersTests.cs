using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// Partner contributions by partner type and points on the bill: hand-made data with known amounts, each figure equal
/// to its list, frozen on publication, corrected by a new version, and no personal data in public.
/// </summary>
public abstract class BillPartnersTests(AppFactory factory)
{
    private const string Period = BillsTestData.Period;
    private readonly BillPartnersTestData _data = new(factory);

    [Fact]
    public async Task Draft_Contributions_ByPartnerTypeInYuanHoursAndValue_EachEqualsItsRecords()
    {
        var (w, _, enterpriseIntent, individualIntent) = await _data.ContributionsAsync();

        var draft = await GetJsonAsync(w.StaffClient, $"/api/v1/bills/draft?community={w.Community.Code}&period={Period}");

        var figures = ByCode(draft);
        Assert.Equal((2, 50_000L, 40L, 3_000L), Sums(figures["pledged"]));
        Assert.Equal((1, 50_000L, 40L, 0L), Sums(figures["pledged-enterprise"]));
        Assert.Equal((1, 0L, 0L, 3_000L), Sums(figures["pledged-individual"]));
        Assert.Equal((0, 0L, 0L, 0L), Sums(figures["pledged-merchant"]));
        Assert.Equal((0, 0L, 0L, 0L), Sums(figures["pledged-social-organisation"]));
        Assert.Equal((2, 20_000L, 0L, 3_000L), Sums(figures["delivered"]));
        Assert.Equal((1, 20_000L, 0L, 0L), Sums(figures["delivered-enterprise"]));
        Assert.Equal((1, 0L, 0L, 3_000L), Sums(figures["delivered-individual"]));
        await AssertEachFigureEqualsItsRecordsAsync(w.StaffClient, draft);

        var pledged = await GetJsonAsync(w.StaffClient, $"/api/v1/bills/records?community={w.Community.Code}&period={Period}&figure=pledged");
        Assert.Equal(new[] { enterpriseIntent, individualIntent }.Order(), pledged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task Draft_Points_IssuedRedeemedAndActiveResidents_EachEqualsItsRecords()
    {
        var (world, _, _) = await _data.PointsAsync();

        var draft = await GetJsonAsync(world.StaffClient, $"/api/v1/bills/draft?community={world.Community.Code}&period={Period}");

        var figures = ByCode(draft);
        Assert.Equal(3, figures["points-issued"].GetProperty("count").GetInt32());
        Assert.Equal(300, figures["points-issued"].GetProperty("points").GetInt64());
        Assert.Equal(1, figures["points-redeemed"].GetProperty("count").GetInt32());
        Assert.Equal(50, figures["points-redeemed"].GetProperty("points").GetInt64());
        Assert.Equal(2, figures["active-residents"].GetProperty("count").GetInt32());
        await AssertEachFigureEqualsItsRecordsAsync(world.StaffClient, draft);

        var issued = await GetJsonAsync(world.StaffClient, figures["points-issued"].GetProperty("records").GetString()!);
        Assert.Equal(300, issued.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("points").GetInt64()));
    }

    [Fact]
    public async Task Publish_ThenDeliveryAndTransferAdded_VersionStaysAndACorrectionShowsTheChange()
    {
        var (w, _, enterpriseIntent, _) = await _data.ContributionsAsync();
        var (points, _, second) = await _data.PointsAsync();
        var anonymous = await factory.Data.ApiClientAsync(null);
        await PublishAsync(w.StaffClient, w.Community.Code, null);
        await PublishAsync(points.StaffClient, points.Community.Code, null);
        var v1 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={w.Community.Code}&period={Period}"));
        var p1 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={points.Community.Code}&period={Period}"));

        var service = await BillPartnersTestData.LineAsync(w, enterpriseIntent, "service");
        await BillPartnersTestData.ConfirmAsync(w, await BillPartnersTestData.RecordAsync(w.Partner.Client, enterpriseIntent, service, 0, 12));
        await _data.MoveIntoQuarterAsync(w.Community.Id);
        Assert.Equal(HttpStatusCode.Created, (await Tests.Modules.Points.PointsTestData.AwardAsync(points.StaffClient, second.Phone, Guid.NewGuid().ToString())).StatusCode);
        await _data.MovePointsIntoQuarterAsync(points.Community.Id, [second.Id]);

        var stillV1 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={w.Community.Code}&period={Period}"));
        Assert.Equal(Sums(v1["delivered"]), Sums(stillV1["delivered"]));
        var frozen = await GetJsonAsync(anonymous, $"/api/v1/bills/records?community={w.Community.Code}&period={Period}&figure=delivered&version=1");
        Assert.Equal(2, frozen.GetProperty("items").GetArrayLength());
        var stillP1 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={points.Community.Code}&period={Period}"));
        Assert.Equal(300, stillP1["points-issued"].GetProperty("points").GetInt64());
        Assert.Equal(p1["active-residents"].GetProperty("count").GetInt32(), stillP1["active-residents"].GetProperty("count").GetInt32());

        await PublishAsync(w.StaffClient, w.Community.Code, "补录了 12 小时的服务");
        await PublishAsync(points.StaffClient, points.Community.Code, "补录了一笔积分");
        var v2 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={w.Community.Code}&period={Period}"));
        Assert.Equal((3, 20_000L, 12L, 3_000L), Sums(v2["delivered"]));
        var p2 = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={points.Community.Code}&period={Period}"));
        Assert.Equal(400, p2["points-issued"].GetProperty("points").GetInt64());

        var page = await Html.GetAsync(factory.CreateClient(), $"/bills?community={w.Community.Code}&period={Period}");
        var changes = page.QuerySelector("#changes-title")!.ParentElement!.TextContent;
        Assert.Contains("兑现合计", changes, StringComparison.Ordinal);
        Assert.Contains("服务时长（小时）：0 → 12", changes, StringComparison.Ordinal);
        var pointsPage = await Html.GetAsync(factory.CreateClient(), $"/bills?community={points.Community.Code}&period={Period}");
        Assert.Contains("发放积分 · 积分：300 → 400", pointsPage.QuerySelector("#changes-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicBill_IndividualNamesAndResidentPhonesNeverShown()
    {
        var (w, individual, _, _) = await _data.ContributionsAsync();
        var (points, first, second) = await _data.PointsAsync();
        await PublishAsync(w.StaffClient, w.Community.Code, null);
        await PublishAsync(points.StaffClient, points.Community.Code, null);
        var individualName = await _data.PartnerNameAsync(individual.PartnerId);
        var anonymous = factory.CreateClient();
        var forbidden = new[] { individualName, first.Phone, second.Phone, "张三丰", "李四光" };

        var texts = new List<string>();
        foreach (var (code, figures) in new[] { (w.Community.Code, ContributionCodes), (points.Community.Code, PointsCodes) })
        {
            texts.Add(await anonymous.GetStringAsync($"/bills?community={code}&period={Period}"));
            foreach (var figure in figures)
            {
                texts.Add(await anonymous.GetStringAsync($"/bills/records?community={code}&period={Period}&figure={figure}&version=1"));
                texts.Add(await anonymous.GetStringAsync($"/api/v1/bills/records?community={code}&period={Period}&figure={figure}&version=1"));
            }
        }

        Assert.All(texts, t => Assert.All(forbidden, f => Assert.DoesNotContain(f, t, StringComparison.Ordinal)));
        Assert.Contains("爱心人士", await anonymous.GetStringAsync($"/bills/records?community={w.Community.Code}&period={Period}&figure=delivered-individual&version=1"), StringComparison.Ordinal);
        Assert.Contains("张**", await anonymous.GetStringAsync($"/bills/records?community={points.Community.Code}&period={Period}&figure=active-residents&version=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldVersion_WithoutTheNewFigures_ReadsAsNotRecorded()
    {
        var (w, _, _, _) = await _data.ContributionsAsync();
        await PublishAsync(w.StaffClient, w.Community.Code, null);
        await _data.StripNewFiguresAsync(w.Community.Id);
        var anonymous = factory.CreateClient();

        var bill = ByCode(await GetJsonAsync(anonymous, $"/api/v1/bills?community={w.Community.Code}&period={Period}"));
        Assert.DoesNotContain("pledged", bill.Keys);
        Assert.Contains("received", bill.Keys);
        var page = await Html.GetAsync(anonymous, $"/bills?community={w.Community.Code}&period={Period}");
        Assert.Contains("本版未记录这一项", page.QuerySelector("#pledged-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var records = await Html.GetAsync(anonymous, $"/bills/records?community={w.Community.Code}&period={Period}&figure=pledged&version=1");
        Assert.Contains("本版未记录这一项", records.Body!.TextContent, StringComparison.Ordinal);

        await PublishAsync(w.StaffClient, w.Community.Code, "补上合伙人出力");
        var corrected = await Html.GetAsync(anonymous, $"/bills?community={w.Community.Code}&period={Period}");
        Assert.Contains("认捐合计：— → 2", corrected.QuerySelector("#changes-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    private static readonly string[] ContributionCodes = [.. Enum.GetValues<BillFigure>().Where(f => BillRules.KindOf(f) is BillRecordKind.Intents or BillRecordKind.Deliveries).Select(BillText.Code)];

    private static readonly string[] PointsCodes = ["points-issued", "points-redeemed", "active-residents"];

    private static async Task AssertEachFigureEqualsItsRecordsAsync(HttpClient client, JsonElement bill)
    {
        foreach (var figure in bill.GetProperty("figures").EnumerateArray())
        {
            var records = await GetJsonAsync(client, figure.GetProperty("records").GetString()!);
            Assert.Equal(figure.GetProperty("count").GetInt32(), records.GetProperty("count").GetInt32());
            Assert.Equal(figure.GetProperty("count").GetInt32(), records.GetProperty("items").GetArrayLength());
        }
    }

    private static (int Count, long Money, long Hours, long Resource) Sums(JsonElement figure) => (
        figure.GetProperty("count").GetInt32(), figure.GetProperty("moneyYuan").GetInt64(), figure.GetProperty("serviceHours").GetInt64(), figure.GetProperty("resourceYuan").GetInt64());

    private static Dictionary<string, JsonElement> ByCode(JsonElement bill) =>
        bill.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f);

    private static async Task PublishAsync(HttpClient staff, string community, string? note)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/bills/publish", new { community, period = Period, note });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"publish answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[Collection(SqliteLane.Name)]
public sealed class BillPartnersTestsOnSqlite(SqliteAppFactory factory) : BillPartnersTests(factory);

[Collection(PostgresLane.Name)]
public sealed class BillPartnersTestsOnPostgres(PostgresAppFactory factory) : BillPartnersTests(factory);
