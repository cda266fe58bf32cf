using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>
/// Running costs (运营收支) over HTTP: staff of an operating project's community record a month and correct it with a
/// reason (audited before/after); bad input is refused field by field and stores nothing; outsiders are refused; one
/// record per project and month even when the same month is sent at once.
/// </summary>
public abstract class RunningCostsTests(AppFactory factory)
{
    private readonly RunningCostsTestData _data = new(factory);

    [Fact]
    public async Task Put_NewMonthThenCorrection_CreatesThenOverwritesWithAReasonAndAnAuditEntry()
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);

        var created = await RunningCostsTestData.PutAsync(staff, project, "2025-03", 10_000, 4_000, 1_000, 1_000, 4_000);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(60.0m, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ratePercent").GetDecimal());

        var same = await RunningCostsTestData.PutAsync(staff, project, "2025-03", 10_000, 4_000, 1_000, 1_000, 4_000);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);

        var noReason = await RunningCostsTestData.PutAsync(staff, project, "2025-03", 10_000, 5_000, 1_000, 1_000, 3_000);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], ProblemJson.Errors(await ProblemJson.ReadAsync(noReason)).Keys);

        var corrected = await RunningCostsTestData.PutAsync(staff, project, "2025-03", 10_000, 5_000, 1_000, 1_000, 3_000, "经营收入漏记了一笔");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var list = await ProjectsTestData.GetJsonAsync(staff, $"/api/v1/projects/{project}/running-costs");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal(5_000, item.GetProperty("ownIncomeYuan").GetInt64());
        Assert.Equal("经营收入漏记了一笔", item.GetProperty("correctionReason").GetString());
        Assert.Equal(70.0m, list.GetProperty("ratePercent").GetDecimal());

        var id = item.GetProperty("id").GetGuid().ToString();
        var audit = await _data.QueryAsync(db => db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["projects.running-costs-record", "projects.running-costs-correct"], audit.Select(a => a.Action));
        Assert.Contains("4000", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("5000", audit[1].After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("costsYuan", "0")]
    [InlineData("costsYuan", "-100")]
    [InlineData("costsYuan", "null")]
    [InlineData("costsYuan", "1000.5")]
    [InlineData("ownIncomeYuan", "-1")]
    [InlineData("merchantYuan", "null")]
    [InlineData("partnerYuan", "12.30")]
    [InlineData("districtYuan", "-5")]
    [InlineData("districtYuan", "1000000000")]
    [InlineData("month", "2025-13")]
    [InlineData("month", "2025-3")]
    [InlineData("month", "2099-01")]
    [InlineData("month", "2024-12")]
    public async Task Put_OneBadField_Returns400NamingItAndStoresNothing(string field, string value)
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);
        var body = new Dictionary<string, object?>
        {
            ["costsYuan"] = 10_000,
            ["ownIncomeYuan"] = 4_000,
            ["merchantYuan"] = 1_000,
            ["partnerYuan"] = 1_000,
            ["districtYuan"] = 4_000,
        };
        var month = "2025-05";
        if (field == "month")
        {
            month = value;
        }
        else
        {
            body[field] = value == "null" ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await staff.PutAsJsonAsync($"/api/v1/projects/{project}/running-costs/{month}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal([field], errors.Keys);
        Assert.All(errors[field], m => Assert.Matches("[\u4e00-\u9fff]", m));
        Assert.Equal(0, await _data.CountAsync(project));
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("resident", HttpStatusCode.Forbidden)]
    [InlineData("partner", HttpStatusCode.Forbidden)]
    [InlineData("staff-of-another-community", HttpStatusCode.Forbidden)]
    public async Task PutAndGet_ByOutsider_RefusedAndNothingStored(string who, HttpStatusCode expected)
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);
        var client = who switch
        {
            "anonymous" => await factory.Data.ApiClientAsync(null),
            "resident" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community)),
            "partner" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community, "合伙人", Roles.PartnerMember)),
            _ => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync())),
        };

        Assert.Equal(expected, (await RunningCostsTestData.PutAsync(client, project, "2025-05", 10_000, 1_000, 0, 0, 9_000)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/projects/{project}/running-costs")).StatusCode);
        Assert.Equal(0, await _data.CountAsync(project));
    }

    [Fact]
    public async Task Put_ProjectNotOperating_Returns409AndStoresNothing()
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var project = await new ProjectsTestData(factory).ProjectAsync(staff, community, ProjectStatus.InProgress);
        var month = CommunityPartner.Web.Platform.Time.DistrictTime.Month(factory.Clock.GetUtcNow().UtcDateTime);

        var response = await RunningCostsTestData.PutAsync(staff, project, month, 10_000, 1_000, 0, 0, 9_000);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await _data.CountAsync(project));
    }

    [Fact]
    public async Task Put_SameMonthFiveAtOnce_OneRow()
    {
        var (community, _, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RunningCostsTestData.PutAsync(staff, project, "2025-06", 10_000, 3_000, 0, 0, 7_000)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"answered {(int)r.StatusCode}"));
        Assert.Equal(1, await _data.CountAsync(project));
    }

    [Fact]
    public async Task Page_StaffRecordsAMonthAndBadInputShowsTheField_OtherStaffRefused()
    {
        var (community, staffUser, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);
        var browser = await factory.Data.BrowserAsync(staffUser);
        var url = $"/projects/{project}/running-costs";
        Assert.NotNull((await Html.GetAsync(browser, $"/projects/{project}")).QuerySelector($"a[href='{url}']"));

        var fields = new Dictionary<string, string>
        {
            ["Input.Month"] = "2025-04",
            ["Input.CostsYuan"] = "0",
            ["Input.OwnIncomeYuan"] = "100",
            ["Input.MerchantYuan"] = "0",
            ["Input.PartnerYuan"] = "0",
            ["Input.DistrictYuan"] = "0",
        };
        var bad = await Html.ParseAsync(await Html.SubmitFormAsync(browser, url, fields));
        Assert.Contains("运营成本须大于 0 元", Html.FieldErrors(bad));
        Assert.Equal(0, await _data.CountAsync(project));

        fields["Input.CostsYuan"] = "2000";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(browser, url, fields)).StatusCode);
        var page = await Html.GetAsync(browser, url);
        Assert.NotNull(page.QuerySelector("tr[data-month='2025-04']"));
        Assert.Equal("5.0%", page.QuerySelector(".sus-rate")!.TextContent.Trim());

        var other = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        var refused = await other.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AmountNotANumber_ClearMessageInChineseAndInEnglish_NothingSaved()
    {
        var (community, staffUser, staff) = await _data.CommunityAsync();
        var project = await _data.OperatingProjectAsync(staff, community);
        var browser = await factory.Data.BrowserAsync(staffUser);
        var url = $"/projects/{project}/running-costs";
        var fields = new Dictionary<string, string>
        {
            ["Input.Month"] = "2025-04",
            ["Input.CostsYuan"] = "两千",
            ["Input.OwnIncomeYuan"] = "100",
            ["Input.MerchantYuan"] = "0",
            ["Input.PartnerYuan"] = "0",
            ["Input.DistrictYuan"] = "0",
        };

        var chinese = await Html.ParseAsync(await Html.SubmitFormAsync(browser, url, fields));
        var english = await Html.ParseAsync(await Html.SubmitFormAsync(browser, url + "?culture=en", fields));

        Assert.Contains("运营成本（元）要填数字，例如 1200，不能填“两千”。", Html.FieldErrors(chinese));
        Assert.Contains("Running costs (yuan) must be a number, e.g. 1200, not “两千”.", Html.FieldErrors(english));
        foreach (var page in new[] { chinese, english })
        {
            Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("CostsYuan", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, await _data.CountAsync(project));
    }
}

[Collection(SqliteLane.Name)]
public sealed class RunningCostsTestsOnSqlite(SqliteAppFactory factory) : RunningCostsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RunningCostsTestsOnPostgres(PostgresAppFactory factory) : RunningCostsTests(factory);
