using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Tests.Modules.Roadshows;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Platform.Auth;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>POST /api/v1/projects/{id}/offers: a partner member offers lines of help; bad input stores nothing.</summary>
public abstract class MakeOfferApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task Offer_Good_IsNegotiatingWithLinesAndFirstMessageAuditedAndStaffTold()
    {
        var w = await _data.WorldAsync(verified: false);

        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new
        {
            lines = new[] { Money(20_000, w.FundingAsk), Service("设计服务", 10, 2_000, w.ServiceAsk), Resource("会议室", 500, null) },
            message = "我们愿意出力",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var offer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = offer.GetProperty("id").GetGuid();
        Assert.Equal("negotiating", offer.GetProperty("status").GetString());
        Assert.Equal(["money", "service", "resource"], offer.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal(w.FundingAsk, offer.GetProperty("lines")[0].GetProperty("needId").GetGuid());
        Assert.Equal(JsonValueKind.Null, offer.GetProperty("lines")[2].GetProperty("needId").ValueKind);
        Assert.Equal("我们愿意出力", offer.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Contains(await _data.AuditOfAsync(id), a => a.Action == "cooperation.offer.make");
        Assert.Contains("合伙人“{0}”为项目“{1}”出力，请查看并协商", await _data.NotificationKeysAsync(w.Staff.Id));
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "none", "lines" },
        { "negative-money", "lines[0].yuan" },
        { "zero-money", "lines[0].yuan" },
        { "service-no-hours", "lines[0].hours" },
        { "service-no-what", "lines[0].what" },
        { "negative-value", "lines[0].yuan" },
        { "bad-kind", "lines[0].kind" },
        { "other-project-ask", "lines[0].needId" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Offer_BadInput_Is400WithFieldErrorAndStoresNothing(string bad, string field)
    {
        var w = await _data.WorldAsync();
        var other = await _data.WorldAsync();
        object[] lines = bad switch
        {
            "none" => [],
            "negative-money" => [Money(-5, w.FundingAsk)],
            "zero-money" => [Money(0, w.FundingAsk)],
            "service-no-hours" => [new { kind = "service", what = "设计", yuan = 100, needId = w.ServiceAsk }],
            "service-no-what" => [Service("", 5, 100, w.ServiceAsk)],
            "negative-value" => [Resource("场地", -1, null)],
            "bad-kind" => [new { kind = "gold", yuan = 100 }],
            _ => [Money(100, other.FundingAsk)],
        };
        var before = await _data.CountRowsAsync();

        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { lines });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(before, await _data.CountRowsAsync());
    }

    [Fact]
    public async Task Offer_ByNonPartner_Is403AndToUnknownProject_Is404()
    {
        var w = await _data.WorldAsync();
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(w.Community));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostOfferAsync(resident, w.ProjectId, new { lines = CoveringLines(w) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostOfferAsync(w.Partner.Client, Guid.NewGuid(), new { lines = CoveringLines(w) })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOfferAsync(await factory.Data.ApiClientAsync(null), w.ProjectId, new { lines = CoveringLines(w) })).StatusCode);
    }

    [Fact]
    public async Task Offer_ToProjectNotRecruiting_Is409()
    {
        var w = await _data.WorldAsync();
        await ProjectsTestData.MoveAsync(w.StaffClient, w.ProjectId, "start");

        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { lines = CoveringLines(w) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("只有招募合伙人中的项目才能接受出力", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Draft_FromRoadshowInterest_IsCreatedEmptyThenFilledAndSubmitted()
    {
        var w = await _data.WorldAsync();
        var roadshows = new RoadshowsTestData(factory);

        var early = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { draft = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var roadshowId = await RoadshowsTestData.CreateAsync(w.StaffClient, roadshows.Body([w.ProjectId]));
        await ProjectsTestData.EnsureAsync(await w.Partner.Client.PostAsJsonAsync($"/api/v1/roadshows/{roadshowId}/interests", new { projectId = w.ProjectId }), "interest");
        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { draft = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var offer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = offer.GetProperty("id").GetGuid();
        Assert.Equal(("draft", 0), (offer.GetProperty("status").GetString(), offer.GetProperty("lines").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Conflict, (await w.Partner.Client.PostAsync($"/api/v1/offers/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.StaffClient.PostAsJsonAsync($"/api/v1/offers/{id}/amend", new { lines = CoveringLines(w) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.StaffClient.PostAsync($"/api/v1/offers/{id}/accept", null)).StatusCode);

        await ProjectsTestData.EnsureAsync(await w.Partner.Client.PostAsJsonAsync($"/api/v1/offers/{id}/amend", new { lines = CoveringLines(w) }), "amend");
        var submitted = await w.Partner.Client.PostAsync($"/api/v1/offers/{id}/submit", null);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(OfferStatus.Negotiating, (await _data.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task List_StaffSeeAllPartnersSeeTheirOwnOthersAreRefused()
    {
        var w = await _data.WorldAsync();
        var second = await _data.PartnerAsync(w.Community);
        var mine = await OfferAsync(w);
        var theirs = await OfferAsync(w with { Partner = second });
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(w.Community, "居民", Roles.Resident));

        var staffList = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/projects/{w.ProjectId}/offers");
        var partnerList = await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/projects/{w.ProjectId}/offers");

        Assert.Equal(new[] { mine, theirs }.Order(), staffList.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Order());
        Assert.Equal([mine], partnerList.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/projects/{w.ProjectId}/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherStaff.GetAsync($"/api/v1/projects/{w.ProjectId}/offers")).StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class MakeOfferApiTestsOnSqlite(SqliteAppFactory factory) : MakeOfferApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class MakeOfferApiTestsOnPostgres(PostgresAppFactory factory) : MakeOfferApiTests(factory);
