using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The district dashboard over HTTP on hand-made communities in 2023-Q3: the fair ranking (nine rated needs are not
/// ranked, ten are), the district row pooled over all communities, every figure equal to its drill-down list, and
/// only the district admin and representatives let in.
/// </summary>
public abstract class DashboardTests(AppFactory factory)
{
    private const string Period = DashboardTestData.Period;
    private readonly DashboardTestData _data = new(factory);

    [Fact]
    public async Task Dashboard_NineRatedNotRankedTenRatedRanked_DistrictPooledAndFiguresEqualTheirRecords()
    {
        var (ten, _) = await _data.CommunityAsync(satisfied: 8, dissatisfied: 2, waiting: 0);
        var (nine, _) = await _data.CommunityAsync(satisfied: 9, dissatisfied: 0, waiting: 1);
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var dashboard = await GetJsonAsync(admin, $"/api/v1/dashboard?period={Period}");

        Assert.Equal(Period, dashboard.GetProperty("period").GetString());
        Assert.Equal(10, dashboard.GetProperty("minRatedToRank").GetInt32());
        var rows = dashboard.GetProperty("communities").EnumerateArray().ToList();
        var a = rows.Single(r => r.GetProperty("community").GetString() == ten.Code);
        var b = rows.Single(r => r.GetProperty("community").GetString() == nine.Code);
        Assert.Equal(JsonValueKind.Number, a.GetProperty("rank").ValueKind);
        Assert.Equal(JsonValueKind.Null, b.GetProperty("rank").ValueKind);
        AssertRate(a.GetProperty("satisfactionRate"), 80.0m, 8, 10);
        AssertRate(a.GetProperty("resolutionRate"), 80.0m, 8, 10);
        AssertRate(a.GetProperty("responseRate"), 100.0m, 10, 10);
        AssertRate(b.GetProperty("satisfactionRate"), 100.0m, 9, 9);
        AssertRate(b.GetProperty("responseRate"), 90.0m, 9, 10);
        Assert.Equal(10, b.GetProperty("received").GetProperty("count").GetInt32());
        Assert.Equal(1, b.GetProperty("overdue").GetProperty("count").GetInt32());
        Assert.Equal(2, a.GetProperty("overdue").GetProperty("count").GetInt32()); // the two 不满意 reopened them, past their deadline

        // Ranked rows first, in rank order, best satisfaction first; only those with at least ten rated needs.
        var ranked = rows.TakeWhile(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        Assert.All(ranked, r => Assert.True(r.GetProperty("satisfactionRate").GetProperty("denominator").GetInt32() >= 10));
        Assert.All(rows.Skip(ranked.Count), r => Assert.True(r.GetProperty("satisfactionRate").GetProperty("denominator").GetInt32() < 10));
        var ranks = ranked.Select(r => r.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(1, ranks[0]);
        var satisfaction = ranked.Select(r => r.GetProperty("satisfactionRate").GetProperty("percent").GetDecimal()).ToList();
        Assert.Equal(satisfaction.OrderDescending(), satisfaction);

        // The district's rates are over all its needs: each part and whole is the sum of the communities'.
        var district = dashboard.GetProperty("district");
        foreach (var rate in new[] { "responseRate", "resolutionRate", "satisfactionRate" })
        {
            var numerator = rows.Sum(r => r.GetProperty(rate).GetProperty("numerator").GetInt32());
            var denominator = rows.Sum(r => r.GetProperty(rate).GetProperty("denominator").GetInt32());
            AssertRate(district.GetProperty(rate), Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), numerator, denominator);
        }

        Assert.Equal(rows.Sum(r => r.GetProperty("overdue").GetProperty("count").GetInt32()), district.GetProperty("overdue").GetProperty("count").GetInt32());

        // Every figure of the two communities and of the district equals the length of its list — for a representative too.
        var representative = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(null, "人大代表", Roles.Representative));
        foreach (var row in new[] { a, b, district })
        {
            foreach (var (count, link) in Links(row))
            {
                var list = await GetJsonAsync(representative, link);
                Assert.Equal(count, list.GetProperty("count").GetInt32());
                Assert.Equal(count, list.GetProperty("items").GetArrayLength());
            }
        }

        var trend = dashboard.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(12, trend.Count);
        Assert.Equal("2023-09", trend[^1].GetProperty("month").GetString());
        Assert.Equal("2022-10", trend[0].GetProperty("month").GetString());
        var july = trend.Single(p => p.GetProperty("month").GetString() == "2023-07");
        Assert.Equal(district.GetProperty("satisfactionRate").GetProperty("denominator").GetInt32(), july.GetProperty("satisfactionRate").GetProperty("denominator").GetInt32()
            + trend.Where(p => p.GetProperty("month").GetString() is "2023-08" or "2023-09").Sum(p => p.GetProperty("satisfactionRate").GetProperty("denominator").GetInt32()));

        var own = await GetJsonAsync(admin, $"/api/v1/dashboard?period={Period}&community={nine.Code}");
        Assert.Equal(nine.Code, own.GetProperty("trendScope").GetString());
        AssertRate(own.GetProperty("trend").EnumerateArray().Single(p => p.GetProperty("month").GetString() == "2023-07").GetProperty("satisfactionRate"), 100.0m, 9, 9);
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("resident", HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    public async Task Api_ResidentsStaffAndAnonymous_Refused(string who, HttpStatusCode expected)
    {
        var community = await factory.Data.CommunityAsync();
        var client = who switch
        {
            "anonymous" => await factory.Data.ApiClientAsync(null),
            "resident" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community, "居民")),
            _ => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community)),
        };

        Assert.Equal(expected, (await client.GetAsync($"/api/v1/dashboard?period={Period}")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/dashboard/overdue?community={community.Code}")).StatusCode);
    }

    [Theory]
    [InlineData("period=2023-Q5", "period")]
    [InlineData("period=2099-Q1", "period")]
    [InlineData("community=no-such-community", "community")]
    public async Task Api_BadPeriodOrCommunity_Returns400NamingTheField(string query, string field)
    {
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await admin.GetAsync($"/api/v1/dashboard?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    [Fact]
    public async Task Page_AdminSeesRankingChartAndTables_EachCountLinksToAListOfThatLength_OthersKeptOut()
    {
        var (ten, _) = await _data.CommunityAsync(satisfied: 10, dissatisfied: 0, waiting: 0);
        var (nine, raiser) = await _data.CommunityAsync(satisfied: 9, dissatisfied: 0, waiting: 2);
        var url = $"/dashboard?period={Period}";
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await (await factory.Data.BrowserAsync(raiser)).GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await factory.Data.BrowserAsync(null)).GetAsync("/dashboard/overdue")).StatusCode);

        var admin = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var page = await Html.GetAsync(admin, url);

        var rowA = page.QuerySelector($"tr[data-community='{ten.Code}']")!;
        var rowB = page.QuerySelector($"tr[data-community='{nine.Code}']")!;
        Assert.Matches("^[0-9]+$", rowA.QuerySelector(".dash-rank")!.TextContent.Trim());
        Assert.Equal("评价不足，不排名", rowB.QuerySelector(".dash-rank")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("tr.dash-district"));
        var svg = page.QuerySelector("svg.trend-chart")!;
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.NotNull(svg.QuerySelector("desc"));
        Assert.Equal(12, page.QuerySelectorAll(".trend-data tbody tr").Length);

        foreach (var link in rowB.QuerySelectorAll("a").Concat(rowA.QuerySelectorAll("a")))
        {
            var count = int.Parse(link.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var list = await Html.GetAsync(admin, link.GetAttribute("href")!);
            Assert.Equal(count, list.QuerySelectorAll(".bill-records li").Length);
        }

        Assert.Equal("2", rowB.QuerySelector("a.dash-overdue")!.TextContent.Trim());
        var representative = await factory.Data.BrowserAsync(await factory.Data.UserAsync(null, "人大代表", Roles.Representative));
        Assert.Equal(HttpStatusCode.OK, (await representative.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await representative.GetAsync(rowB.QuerySelector("a")!.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDashboardEndpoints()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var dashboard = paths.GetProperty("/api/v1/dashboard").GetProperty("get");
        Assert.Equal("GetDashboard", dashboard.GetProperty("operationId").GetString());
        Assert.Contains(dashboard.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "period");
        Assert.True(dashboard.GetProperty("responses").TryGetProperty("403", out _));
        Assert.Equal("GetOverdueNeeds", paths.GetProperty("/api/v1/dashboard/overdue").GetProperty("get").GetProperty("operationId").GetString());
    }

    private static IEnumerable<(int Count, string Link)> Links(JsonElement row)
    {
        yield return (row.GetProperty("received").GetProperty("count").GetInt32(), row.GetProperty("received").GetProperty("records").GetString()!);
        yield return (row.GetProperty("overdue").GetProperty("count").GetInt32(), row.GetProperty("overdue").GetProperty("records").GetString()!);
        foreach (var rate in new[] { "responseRate", "resolutionRate", "satisfactionRate" })
        {
            var r = row.GetProperty(rate);
            yield return (r.GetProperty("numerator").GetInt32(), r.GetProperty("numeratorRecords").GetString()!);
            yield return (r.GetProperty("denominator").GetInt32(), r.GetProperty("denominatorRecords").GetString()!);
        }
    }

    private static void AssertRate(JsonElement rate, decimal percent, int numerator, int denominator)
    {
        Assert.Equal(percent, rate.GetProperty("percent").GetDecimal());
        Assert.Equal(numerator, rate.GetProperty("numerator").GetInt32());
        Assert.Equal(denominator, rate.GetProperty("denominator").GetInt32());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[Collection(SqliteLane.Name)]
public sealed class DashboardTestsOnSqlite(SqliteAppFactory factory) : DashboardTests(factory);

[Collection(PostgresLane.Name)]
public sealed class DashboardTestsOnPostgres(PostgresAppFactory factory) : DashboardTests(factory);
