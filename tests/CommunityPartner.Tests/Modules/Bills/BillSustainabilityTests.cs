using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The bill's self-sustainability section (自我造血) on a fresh community with two operating projects and hand-made
/// monthly records: the figures follow the rule, each equals the sums of its list of records, a published version
/// keeps its figures and records when a record is corrected later, and a version published before the section existed
/// reads as "not recorded".
/// </summary>
public abstract class BillSustainabilityTests(AppFactory factory)
{
    private const string Period = "2025-Q2";
    private readonly RunningCostsTestData _data = new(factory);

    private async Task<(CommunityRef Community, HttpClient Staff, Guid A, Guid B)> QuarterAsync()
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var a = await _data.OperatingProjectAsync(staff, community, "甲 绿色驿站");
        var b = await _data.OperatingProjectAsync(staff, community, "乙 长者助餐");
        await RunningCostsTestData.RecordAsync(staff, a, "2025-04", 10_000, 4_000, 1_000, 1_000, 4_000);
        await RunningCostsTestData.RecordAsync(staff, a, "2025-05", 10_000, 5_000, 1_000, 1_000, 3_000);
        await RunningCostsTestData.RecordAsync(staff, a, "2025-06", 10_000, 9_000, 2_000, 1_000, 0);
        await RunningCostsTestData.RecordAsync(staff, b, "2025-05", 20_000, 2_000, 0, 0, 18_000);
        await RunningCostsTestData.RecordAsync(staff, a, "2025-07", 10_000, 10_000, 0, 0, 0); // next quarter: not counted
        return (community, staff, a, b);
    }

    [Fact]
    public async Task Draft_HandMadeQuarter_RatesFollowTheRuleAndEachFigureEqualsItsRecords()
    {
        var (community, staff, a, b) = await QuarterAsync();

        var draft = await GetJsonAsync(staff, $"/api/v1/bills/draft?community={community.Code}&period={Period}");
        var s = draft.GetProperty("sustainability");

        // Community: costs 50 000, self-funded 8 000 + 12 000 (A) + 2 000 (B) = 27 000 → 54 %.
        var total = s.GetProperty("total");
        Assert.Equal(50_000, total.GetProperty("costsYuan").GetInt64());
        Assert.Equal(27_000, total.GetProperty("selfFundedYuan").GetInt64());
        Assert.Equal(25_000, total.GetProperty("districtYuan").GetInt64());
        Assert.Equal(54.0m, total.GetProperty("ratePercent").GetDecimal());
        Assert.Equal(4, total.GetProperty("recordCount").GetInt32());

        var projects = s.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("projectId").GetGuid(), p => p.GetProperty("figures"));
        Assert.Equal(83.3m, projects[a].GetProperty("ratePercent").GetDecimal()); // 25 000 ÷ 30 000
        Assert.Equal(10.0m, projects[b].GetProperty("ratePercent").GetDecimal());

        foreach (var figure in projects.Values.Append(total))
        {
            await AssertListEqualsFigureAsync(staff, figure);
        }
    }

    [Fact]
    public async Task Draft_NoRecords_RateIsNullAndThePageShowsADash()
    {
        var (community, staffUser, staff) = await _data.CommunityAsync();

        var total = (await GetJsonAsync(staff, $"/api/v1/bills/draft?community={community.Code}&period={Period}")).GetProperty("sustainability").GetProperty("total");

        Assert.Equal(JsonValueKind.Null, total.GetProperty("ratePercent").ValueKind);
        Assert.Equal(0, total.GetProperty("recordCount").GetInt32());
        var page = await Html.GetAsync(await factory.Data.BrowserAsync(staffUser), $"/bills/draft?community={community.Code}&period={Period}");
        Assert.Equal("—", page.QuerySelector(".bill-sustainability .sus-rate")!.TextContent.Trim());
    }

    [Fact]
    public async Task Publish_ThenARecordIsCorrected_PublishedFiguresAndListsStayDraftMoves()
    {
        var (community, staff, a, _) = await QuarterAsync();
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(staff, community.Code, null)).StatusCode);
        var anonymous = await factory.Data.ApiClientAsync(null);
        var bill = $"/api/v1/bills?community={community.Code}&period={Period}";
        var v1 = (await GetJsonAsync(anonymous, bill)).GetProperty("sustainability");

        var corrected = await RunningCostsTestData.PutAsync(staff, a, "2025-04", 10_000, 8_000, 1_000, 1_000, 0, "四月经营收入少记了");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var after = (await GetJsonAsync(anonymous, bill)).GetProperty("sustainability");
        Assert.Equal(v1.GetRawText(), after.GetRawText());
        Assert.Equal(54.0m, after.GetProperty("total").GetProperty("ratePercent").GetDecimal());
        await AssertListEqualsFigureAsync(anonymous, after.GetProperty("total"));
        foreach (var p in after.GetProperty("projects").EnumerateArray())
        {
            await AssertListEqualsFigureAsync(anonymous, p.GetProperty("figures"));
        }

        var draft = (await GetJsonAsync(staff, $"/api/v1/bills/draft?community={community.Code}&period={Period}")).GetProperty("sustainability");
        Assert.Equal(62.0m, draft.GetProperty("total").GetProperty("ratePercent").GetDecimal());

        // The correction publishes as a new version that says what changed.
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(staff, community.Code, "更正四月运营收支")).StatusCode);
        var page = await Html.GetAsync(factory.CreateClient(), $"/bills?community={community.Code}&period={Period}");
        Assert.Contains("自我造血率", page.QuerySelector("#changes-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("62.0%", page.QuerySelector(".bill-sustainability .sus-rate")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pages_EachSustainabilityLinkOpensAListOfThatManyRecords()
    {
        var (community, staff, _, _) = await QuarterAsync();
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(staff, community.Code, null)).StatusCode);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bill = await Html.GetAsync(anonymous, $"/bills?community={community.Code}&period={Period}");
        var links = bill.QuerySelectorAll(".bill-sustainability a.sus-count").ToList();
        Assert.Equal(3, links.Count);
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.Contains("version=1", href, StringComparison.Ordinal);
            var list = await Html.GetAsync(anonymous, href);
            Assert.Equal(link.GetAttribute("data-records"), list.QuerySelectorAll("tr.sus-record").Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var live = $"/bills/sustainability?community={community.Code}&period={Period}";
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(live)).StatusCode);
    }

    [Fact]
    public async Task OldVersion_WithoutSustainability_ReadsAsNotRecorded()
    {
        var (community, staff, _, _) = await QuarterAsync();
        Assert.Equal(HttpStatusCode.Created, (await PublishAsync(staff, community.Code, null)).StatusCode);
        await _data.QueryAsync(async db =>
        {
            var version = await db.Set<BillVersion>().AsNoTracking().SingleAsync(v => v.CommunityId == community.Id);
            var figures = JsonNode.Parse(version.FiguresJson)!.AsObject();
            figures.Remove("sustainability");
            var records = JsonNode.Parse(version.RecordsJson)!.AsObject();
            records.Remove("self-sustainability");
            var (f, r) = (figures.ToJsonString(), records.ToJsonString());
            return await db.Set<BillVersion>().Where(v => v.Id == version.Id).ExecuteUpdateAsync(u => u
                .SetProperty(v => v.FiguresJson, f).SetProperty(v => v.RecordsJson, r).SetProperty(v => v.ContentHash, BillVersion.HashOf(f, r)));
        });
        var anonymous = await factory.Data.ApiClientAsync(null);

        var bill = await GetJsonAsync(anonymous, $"/api/v1/bills?community={community.Code}&period={Period}");
        Assert.Equal(JsonValueKind.Null, bill.GetProperty("sustainability").ValueKind);
        var records = await GetJsonAsync(anonymous, $"/api/v1/bills/sustainability?community={community.Code}&period={Period}&version=1");
        Assert.False(records.GetProperty("recorded").GetBoolean());
        var page = await Html.GetAsync(factory.CreateClient(), $"/bills?community={community.Code}&period={Period}");
        Assert.Contains("这一版账单发布时还没有统计自我造血", page.QuerySelector(".bill-sustainability")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CommunityRowHasTheBillsRateAndTheDistrictRow()
    {
        var (community, _, _, _) = await QuarterAsync();
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var dashboard = await GetJsonAsync(admin, $"/api/v1/dashboard?period={Period}");

        var rows = dashboard.GetProperty("sustainability").EnumerateArray().ToList();
        Assert.Equal("district", rows[0].GetProperty("community").GetString());
        Assert.True(rows[0].GetProperty("figures").GetProperty("recordCount").GetInt32() >= 4);
        var mine = rows.Single(r => r.GetProperty("community").GetString() == community.Code).GetProperty("figures");
        Assert.Equal(54.0m, mine.GetProperty("ratePercent").GetDecimal());
        await AssertListEqualsFigureAsync(admin, mine);

        var page = await Html.GetAsync(await factory.Data.BrowserAsync(await factory.Data.AdminAsync()), $"/dashboard?period={Period}");
        Assert.Equal("54.0%", page.QuerySelector($".dash-sustainability tr[data-community='{community.Code}'] .sus-rate")!.TextContent.Trim());
    }

    private static async Task AssertListEqualsFigureAsync(HttpClient client, JsonElement figure)
    {
        var list = await GetJsonAsync(client, figure.GetProperty("records").GetString()!);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(figure.GetProperty("recordCount").GetInt32(), items.Count);
        Assert.Equal(figure.GetProperty("recordCount").GetInt32(), list.GetProperty("count").GetInt32());
        foreach (var field in new[] { "costsYuan", "ownIncomeYuan", "merchantYuan", "partnerYuan", "districtYuan" })
        {
            Assert.Equal(figure.GetProperty(field).GetInt64(), items.Sum(i => i.GetProperty(field).GetInt64()));
        }
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string community, string? note) =>
        client.PostAsJsonAsync("/api/v1/bills/publish", new { community, period = Period, note });

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[Collection(SqliteLane.Name)]
public sealed class BillSustainabilityTestsOnSqlite(SqliteAppFactory factory) : BillSustainabilityTests(factory);

[Collection(PostgresLane.Name)]
public sealed class BillSustainabilityTestsOnPostgres(PostgresAppFactory factory) : BillSustainabilityTests(factory);
