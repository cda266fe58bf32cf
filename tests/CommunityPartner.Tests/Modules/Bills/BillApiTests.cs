using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Bills;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The bill over HTTP, on a fresh community whose needs are built through the API and then moved, with all their
/// times, into 2025-Q2 (a closed quarter): the figures follow the rules, each equals its list of records, publishing
/// freezes them, corrections make new versions, and only the community's staff and the district admin see drafts.
/// </summary>
public abstract class BillApiTests(AppFactory factory)
{
    private const string Period = BillsTestData.Period;
    private readonly NeedsTestData _needs = new(factory);
    private readonly BillsTestData _bills = new(factory);

    [Fact]
    public async Task Draft_HandMadeQuarter_FiguresFollowTheRulesAndEachEqualsItsRecords()
    {
        var (actors, built) = await _bills.QuarterAsync();

        var draft = await GetJsonAsync(actors.StaffClient, $"/api/v1/bills/draft?community={actors.Community.Code}&period={Period}");

        var expected = new Dictionary<string, int>
        {
            ["received"] = 5,
            ["answered-on-time"] = 4,
            ["to-resolve"] = 4,
            ["resolved"] = 1,
            ["rejected"] = 1,
            ["merged"] = 1,
            ["rated"] = 2,
            ["satisfied"] = 1,
            ["projects-completed"] = 0,
            ["projects-operating"] = 0,
        };
        foreach (var figure in Enum.GetValues<BillFigure>().Where(f => f >= BillFigure.Pledged))
        {
            expected[BillText.Code(figure)] = 0;
        }

        Assert.Equal(expected, Figures(draft));
        Assert.Equal(80.0m, draft.GetProperty("responseRate").GetProperty("percent").GetDecimal());
        Assert.Equal(25.0m, draft.GetProperty("resolutionRate").GetProperty("percent").GetDecimal());
        Assert.Equal(50.0m, draft.GetProperty("satisfactionRate").GetProperty("percent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("version").ValueKind);

        foreach (var figure in draft.GetProperty("figures").EnumerateArray())
        {
            var records = await GetJsonAsync(actors.StaffClient, figure.GetProperty("records").GetString()!);
            Assert.Equal(figure.GetProperty("count").GetInt32(), records.GetProperty("count").GetInt32());
            Assert.Equal(figure.GetProperty("count").GetInt32(), records.GetProperty("items").GetArrayLength());
        }

        var resolved = await GetJsonAsync(actors.StaffClient, $"/api/v1/bills/records?community={actors.Community.Code}&period={Period}&figure=resolved");
        Assert.Equal([built["satisfied"]], resolved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var merged = await GetJsonAsync(actors.StaffClient, $"/api/v1/bills/records?community={actors.Community.Code}&period={Period}&figure=merged");
        Assert.Equal([built["merged"]], merged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Publish_ThenRecordsChange_PublishedVersionStaysAndACorrectionShowsWhatChanged()
    {
        var (actors, built) = await _bills.QuarterAsync();
        var anonymous = await factory.Data.ApiClientAsync(null);
        var bill = $"/api/v1/bills?community={actors.Community.Code}&period={Period}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(bill)).StatusCode);

        var first = await PublishAsync(actors.StaffClient, actors.Community.Code, null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await GetJsonAsync(anonymous, bill);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(1, Figures(v1)["resolved"]);
        Assert.Matches("^[0-9a-f]{64}$", v1.GetProperty("contentHash").GetString());

        // The never-answered need is answered and resolved now: the live figures move, version 1 does not.
        await NeedsTestData.MoveAsync(actors.StaffClient, built["waiting"], "start", null);
        await NeedsTestData.MoveAsync(actors.StaffClient, built["waiting"], "resolve", "已经修好");
        var draft = await GetJsonAsync(actors.StaffClient, $"/api/v1/bills/draft?community={actors.Community.Code}&period={Period}");
        Assert.Equal(2, Figures(draft)["resolved"]);
        var stillV1 = await GetJsonAsync(anonymous, bill);
        Assert.Equal(Figures(v1), Figures(stillV1));
        Assert.Equal(v1.GetProperty("contentHash").GetString(), stillV1.GetProperty("contentHash").GetString());
        var frozen = await GetJsonAsync(anonymous, $"/api/v1/bills/records?community={actors.Community.Code}&period={Period}&figure=resolved&version=1");
        Assert.Equal([built["satisfied"]], frozen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var noNote = await PublishAsync(actors.StaffClient, actors.Community.Code, null);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(["note"], ProblemJson.Errors(await ProblemJson.ReadAsync(noNote)).Keys);

        var second = await PublishAsync(actors.StaffClient, actors.Community.Code, "补录了一条已解决的诉求");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var latest = await GetJsonAsync(anonymous, bill);
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(2, Figures(latest)["resolved"]);
        Assert.Equal([1, 2], latest.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(Figures(v1), Figures(await GetJsonAsync(anonymous, bill + "&version=1")));

        var unchanged = await PublishAsync(actors.StaffClient, actors.Community.Code, "再发一次");
        Assert.Equal(HttpStatusCode.Conflict, unchanged.StatusCode);
        Assert.Equal(2, await CountVersionsAsync(actors.Community.Id));

        var page = await Html.GetAsync(factory.CreateClient(), $"/bills?community={actors.Community.Code}&period={Period}");
        Assert.Contains("补录了一条已解决的诉求", page.QuerySelector("#changes-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FiveAtOnce_OneVersionOthersRefused()
    {
        var (actors, _) = await _bills.QuarterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PublishAsync(actors.StaffClient, actors.Community.Code, null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.True(
            r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"A parallel publish answered {(int)r.StatusCode}"));
        Assert.Equal(1, await CountVersionsAsync(actors.Community.Id));
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("resident", HttpStatusCode.Forbidden)]
    [InlineData("staff-of-another-community", HttpStatusCode.Forbidden)]
    [InlineData("representative", HttpStatusCode.Forbidden)]
    public async Task DraftAndPublish_ByOutsider_RefusedAndNothingStored(string who, HttpStatusCode expected)
    {
        var (actors, _) = await _bills.QuarterAsync();
        var client = who switch
        {
            "anonymous" => await factory.Data.ApiClientAsync(null),
            "resident" => actors.RaiserClient,
            "representative" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(null, "人大代表", Web.Platform.Auth.Roles.Representative)),
            _ => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync())),
        };

        Assert.Equal(expected, (await client.GetAsync($"/api/v1/bills/draft?community={actors.Community.Code}&period={Period}")).StatusCode);
        // Representatives read the live rates on the district dashboard, so they may open the records behind them.
        Assert.Equal(who == "representative" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/bills/records?community={actors.Community.Code}&period={Period}&figure=received")).StatusCode);
        Assert.Equal(expected, (await PublishAsync(client, actors.Community.Code, null)).StatusCode);
        Assert.Equal(0, await CountVersionsAsync(actors.Community.Id));
    }

    [Fact]
    public async Task DistrictBill_StaffRefusedAdminPublishes()
    {
        var (actors, _) = await _bills.QuarterAsync();
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await PublishAsync(actors.StaffClient, "district", null)).StatusCode);
        var district = await GetJsonAsync(admin, $"/api/v1/bills/draft?community=district&period={Period}");
        Assert.True(Figures(district)["received"] >= 5);

        var published = await PublishAsync(admin, "district", null);
        Assert.True(published.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"answered {(int)published.StatusCode}");
        var read = await GetJsonAsync(await factory.Data.ApiClientAsync(null), $"/api/v1/bills?community=district&period={Period}");
        Assert.Equal("district", read.GetProperty("community").GetString());
    }

    [Theory]
    [InlineData("period=2025-Q5", "period")]
    [InlineData("period=2099-Q1", "period")]
    [InlineData("period=abc", "period")]
    [InlineData("community=no-such-community&period=2025-Q2", "community")]
    public async Task Draft_BadScope_Returns400NamingTheField(string query, string field)
    {
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await admin.GetAsync($"/api/v1/bills/draft?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    [Fact]
    public async Task Records_UnknownFigure_Returns400AndOpenPeriodCannotBePublished()
    {
        var actors = await _needs.ActorsAsync();

        var unknown = await actors.StaffClient.GetAsync($"/api/v1/bills/records?community={actors.Community.Code}&period={Period}&figure=happiness");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["figure"], ProblemJson.Errors(await ProblemJson.ReadAsync(unknown)).Keys);

        var current = BillPeriod.QuarterOf(factory.Clock.GetUtcNow().UtcDateTime).Code;
        var open = await actors.StaffClient.PostAsJsonAsync("/api/v1/bills/publish", new { community = actors.Community.Code, period = current });
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Equal(0, await CountVersionsAsync(actors.Community.Id));
    }

    [Theory]
    [InlineData("period=2025-Q5", "账期应写成 2025、2025-Q2 或 2025-06 这样的格式")]
    [InlineData("community=no-such-community&period=2025-Q2", "没有这个社区")]
    public async Task Page_BadScope_SaysWhatIsWrongAndShowsNoFigures(string query, string message)
    {
        var page = await Html.GetAsync(factory.CreateClient(), $"/bills?{query}");

        Assert.Contains(message, page.QuerySelector("main .alert[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a.bill-count"));
    }

    [Fact]
    public async Task Pages_PublishedBillPublicDraftForStaffOnly_EachFigureLinksToAListOfThatLength()
    {
        var (actors, _) = await _bills.QuarterAsync();
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var draftUrl = $"/bills/draft?community={actors.Community.Code}&period={Period}";
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(draftUrl)).StatusCode);
        var otherStaff = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        Assert.NotEqual(HttpStatusCode.OK, (await otherStaff.GetAsync(draftUrl)).StatusCode);

        var staff = await factory.Data.BrowserAsync(actors.Staff);
        var draft = await Html.GetAsync(staff, draftUrl);
        var form = await Html.SubmitFormAsync(staff, draftUrl, new Dictionary<string, string> { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.NotNull(draft.QuerySelector("#publish-title"));

        var bill = await Html.GetAsync(anonymous, $"/bills?community={actors.Community.Code}&period={Period}");
        var links = bill.QuerySelectorAll("a.bill-count").Select(a => (Count: int.Parse(a.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture), Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(Enum.GetValues<BillFigure>().Length, links.Count);
        foreach (var (count, href) in links)
        {
            Assert.Contains("version=1", href, StringComparison.Ordinal);
            var list = await Html.GetAsync(anonymous, href);
            Assert.Equal(count, list.QuerySelectorAll(".bill-records li").Length);
        }

        Assert.DoesNotContain(actors.Raiser.Phone, bill.Body!.InnerHtml, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string community, string? note) =>
        client.PostAsJsonAsync("/api/v1/bills/publish", new { community, period = Period, note });

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, int> Figures(JsonElement bill) =>
        bill.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("count").GetInt32());

    private Task<int> CountVersionsAsync(Guid communityId) =>
        _needs.QueryAsync(db => db.Set<BillVersion>().CountAsync(v => v.CommunityId == communityId));
}

[Collection(SqliteLane.Name)]
public sealed class BillApiTestsOnSqlite(SqliteAppFactory factory) : BillApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class BillApiTestsOnPostgres(PostgresAppFactory factory) : BillApiTests(factory);
