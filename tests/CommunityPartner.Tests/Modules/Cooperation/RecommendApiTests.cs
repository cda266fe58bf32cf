using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Partners;
using CommunityPartner.Web.Platform.Auth;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>
/// GET /api/v1/projects/{id}/recommended-partners and /api/v1/partners/{id}/recommended-projects: a fixed data set
/// gives the expected order, scores and reasons; only the right people may ask.
/// </summary>
public abstract class RecommendApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task RecommendedPartners_FixedSet_ExpectedOrderScoresAndReasons()
    {
        var (w, unverified, lawyer, elsewhere) = await FixedSetAsync();

        var list = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/projects/{w.ProjectId}/recommended-partners");

        var mine = list.EnumerateArray().Where(p => new[] { w.Partner.PartnerId, unverified, lawyer, elsewhere }.Contains(p.GetProperty("partnerId").GetGuid())).ToList();
        // World partner: key funding ask 30 + serves 25 + delivered 1/1 20 + verified 15; unverified funder 30 + 25;
        // lawyer only serves the community 25 + verified 15; the partner elsewhere fits nothing and is left out.
        Assert.Equal([(w.Partner.PartnerId, 90), (unverified, 55), (lawyer, 40)], mine.Select(p => (p.GetProperty("partnerId").GetGuid(), p.GetProperty("score").GetInt32())));
        var best = mine[0].GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["strengths", "asks", "serves_community", "record", "verified"], best.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(["擅长 资金", "能帮上：改造资金", $"服务{w.Community.Name}", "已兑现 1/1", "已认证"], best.Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(["1", "1"], best[3].GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(w.FundingAsk, Assert.Single(mine[0].GetProperty("askIds").EnumerateArray()).GetGuid());
        Assert.Equal(["serves_community", "no_record", "verified"], mine[2].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("not_verified", mine[1].GetProperty("reasons").EnumerateArray().Last().GetProperty("code").GetString());
    }

    [Fact]
    public async Task RecommendedProjects_ForAMember_ListsTheFittingRecruitingProjectWithReasons()
    {
        var (w, _, _, _) = await FixedSetAsync();

        var list = await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/partners/{w.Partner.PartnerId}/recommended-projects");

        var project = list.EnumerateArray().Single(p => p.GetProperty("projectId").GetGuid() == w.ProjectId);
        Assert.Equal(90, project.GetProperty("score").GetInt32());
        Assert.Contains("已兑现 1/1", project.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        var scores = list.EnumerateArray().Select(p => p.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Pages_StaffSeeRecommendedPartners_MembersSeeRecommendedProjects_WithReasons()
    {
        var (w, unverified, _, _) = await FixedSetAsync();
        using var staff = await factory.Data.BrowserAsync(w.Staff);
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);

        var staffSection = (await Html.GetAsync(staff, $"/admin/offers?project={w.ProjectId}")).QuerySelector("main section[aria-labelledby=recommend-heading]")!;
        var rows = staffSection.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        var partnerName = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/partners/{w.Partner.PartnerId}")).GetProperty("name").GetString()!;
        var best = rows.FindIndex(r => r.Contains(partnerName, StringComparison.Ordinal));
        Assert.True(best >= 0);
        Assert.Contains("已兑现 1/1", rows[best], StringComparison.Ordinal);
        Assert.Contains($"服务{w.Community.Name}", rows[best], StringComparison.Ordinal);
        Assert.NotNull(staffSection.QuerySelector($"a[href='/partners/{unverified}']"));

        var mine = (await Html.GetAsync(partner, "/offers/mine")).QuerySelector($"main section[aria-labelledby=recommend-{w.Partner.PartnerId}]")!;
        Assert.NotNull(mine.QuerySelector($"a[href='/projects/{w.ProjectId}']"));
        Assert.Contains("擅长 资金", mine.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_OutsideTheirSide_Are403AndAnonymous401()
    {
        var w = await _data.WorldAsync();
        var other = await _data.PartnerAsync(w.Community);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        using var anonymous = factory.CreateClient();
        var partners = $"/api/v1/projects/{w.ProjectId}/recommended-partners";
        var projects = $"/api/v1/partners/{w.Partner.PartnerId}/recommended-projects";

        Assert.Equal(HttpStatusCode.Forbidden, (await otherStaff.GetAsync(partners)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Partner.Client.GetAsync(partners)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(partners)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync(projects)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.StaffClient.GetAsync(projects)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(projects)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(partners)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/recommended-partners")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheRecommendationEndpoints()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.Equal("RecommendPartners", paths.GetProperty("/api/v1/projects/{id}/recommended-partners").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("RecommendProjects", paths.GetProperty("/api/v1/partners/{id}/recommended-projects").GetProperty("get").GetProperty("operationId").GetString());
    }

    /// <summary>
    /// The world (asks: 改造资金 50 000 key, 设计服务 40 h key; its partner: funding + IT, serves the community,
    /// verified, signed 10 000 yuan and delivered it, confirmed), plus an unverified funder of the community, a
    /// verified lawyer of the community, and a lawyer of another community.
    /// </summary>
    private async Task<(CooperationWorld World, Guid Unverified, Guid Lawyer, Guid Elsewhere)> FixedSetAsync()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w, [Money(10_000, w.FundingAsk)]);
        var line = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}")).GetProperty("versions")[0].GetProperty("lines")[0].GetProperty("id").GetGuid();
        var recorded = await w.Partner.Client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", new { lineId = line, yuan = 10_000, note = "已转账" });
        await ProjectsTestData.EnsureAsync(recorded, "record");
        var deliveryId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/deliveries/{deliveryId}/confirm", null), "confirm");

        var unverified = await RegisterAsync(w.Community, ["funding"], verified: false);
        var lawyer = await RegisterAsync(w.Community, ["legal"], verified: true);
        var elsewhere = await RegisterAsync(await factory.Data.CommunityAsync(), ["legal"], verified: true);
        return (w, unverified, lawyer, elsewhere);
    }

    private async Task<Guid> RegisterAsync(CommunityRef community, string[] strengths, bool verified)
    {
        var member = await factory.Data.UserAsync(community, "合伙人成员", Roles.PartnerMember);
        using var client = await factory.Data.ApiClientAsync(member);
        var body = PartnersTestData.Body(community);
        body["strengths"] = strengths;
        var id = await PartnersTestData.RegisterAsync(client, body);
        if (verified)
        {
            using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
            await ProjectsTestData.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/partners/{id}/verify", new { }), "verify");
        }

        return id;
    }
}

// Each lane gets a database of its own: recommendations rank every partner in the database, and the verified funders
// other tests register (all good for a funding ask, anywhere) would push the fixed set's local lawyer out of the top ten.
public sealed class RecommendApiTestsOnSqlite(SqliteAppFactory factory) : RecommendApiTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class RecommendApiTestsOnPostgres(PostgresAppFactory factory) : RecommendApiTests(factory), IClassFixture<PostgresAppFactory>;
