using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Projects;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>POST /api/v1/projects/{id}/match: only when every key ask is covered by signed intents.</summary>
public abstract class MatchProjectApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task Match_WithUncoveredAsks_IsRefusedNamingThemAndProjectStaysRecruiting()
    {
        var w = await _data.WorldAsync();
        // Funding fully, service only 30 of 40 hours: the service ask stays uncovered.
        await SignedAsync(w, [Money(50_000, w.FundingAsk), Service("设计服务", 30, 6_000, w.ServiceAsk)]);
        // An accepted but unsigned intent covers nothing.
        await AcceptedAsync(w, [Service("设计服务", 10, 2_000, w.ServiceAsk)]);

        var response = await w.StaffClient.PostAsync($"/api/v1/projects/{w.ProjectId}/match", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains("设计服务", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("改造资金", detail, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Recruiting, (await _projects.LoadAsync(w.ProjectId)).Status);
    }

    [Fact]
    public async Task Match_WhenEveryKeyAskIsCovered_MarksTheProjectMatchedAndAudits()
    {
        var w = await _data.WorldAsync();
        var second = await _data.PartnerAsync(w.Community);
        await SignedAsync(w, [Money(30_000, w.FundingAsk), Service("设计服务", 40, 8_000, w.ServiceAsk)]);
        await SignedAsync(w with { Partner = second }, [Money(20_000, w.FundingAsk)]);

        var response = await w.StaffClient.PostAsync($"/api/v1/projects/{w.ProjectId}/match", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var project = await _projects.LoadAsync(w.ProjectId);
        Assert.Equal(ProjectStatus.Matched, project.Status);
        Assert.Contains(project.Events, e => e.Kind == ProjectEventKind.Matched);
        Assert.Contains(await _data.AuditOfAsync(w.ProjectId), a => a.Action == "projects.match");
        Assert.Equal(HttpStatusCode.Conflict, (await w.StaffClient.PostAsync($"/api/v1/projects/{w.ProjectId}/match", null)).StatusCode);
    }

    [Fact]
    public async Task Match_ByStaffOfAnotherCommunityOrAPartner_IsRefused()
    {
        var w = await _data.WorldAsync();
        await SignedAsync(w);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        Assert.Equal(HttpStatusCode.Forbidden, (await otherStaff.PostAsync($"/api/v1/projects/{w.ProjectId}/match", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Partner.Client.PostAsync($"/api/v1/projects/{w.ProjectId}/match", null)).StatusCode);
        Assert.Equal(ProjectStatus.Recruiting, (await _projects.LoadAsync(w.ProjectId)).Status);
    }
}

[Collection(SqliteLane.Name)]
public sealed class MatchProjectApiTestsOnSqlite(SqliteAppFactory factory) : MatchProjectApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class MatchProjectApiTestsOnPostgres(PostgresAppFactory factory) : MatchProjectApiTests(factory);
