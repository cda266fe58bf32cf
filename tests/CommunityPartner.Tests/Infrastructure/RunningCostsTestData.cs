using System.Net.Http.Json;
using CommunityPartner.Web.Modules.Projects;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>Operating projects (moved over the API, then their operating start set back) and their monthly running costs.</summary>
public sealed class RunningCostsTestData(AppFactory factory)
{
    /// <summary>1 January 2025, 00:00 Beijing time: every month of 2025 may be recorded.</summary>
    public static readonly DateTime OperatingSince = new(2024, 12, 31, 16, 0, 0, DateTimeKind.Utc);

    private readonly ProjectsTestData _projects = new(factory);

    public async Task<(CommunityRef Community, UserRef Staff, HttpClient StaffClient)> CommunityAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        return (community, staff, await factory.Data.ApiClientAsync(staff));
    }

    public async Task<Guid> OperatingProjectAsync(HttpClient staffClient, CommunityRef community, string? title = null)
    {
        var id = await _projects.ProjectAsync(staffClient, community, ProjectStatus.Operating, body: ProjectsTestData.Body(community, title: title));
        await _projects.QueryAsync(db => db.Set<Project>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.OperatingSince, OperatingSince)));
        return id;
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid projectId, string month, long costs, long own, long merchant, long partner, long district, string? reason = null) =>
        client.PutAsJsonAsync($"/api/v1/projects/{projectId}/running-costs/{month}", new
        {
            costsYuan = costs,
            ownIncomeYuan = own,
            merchantYuan = merchant,
            partnerYuan = partner,
            districtYuan = district,
            reason,
        });

    public static async Task RecordAsync(HttpClient client, Guid projectId, string month, long costs, long own, long merchant, long partner, long district) =>
        await ProjectsTestData.EnsureAsync(await PutAsync(client, projectId, month, costs, own, merchant, partner, district), $"running costs {month}");

    public Task<int> CountAsync(Guid projectId) =>
        _projects.QueryAsync(db => db.Set<RunningCostRecord>().CountAsync(r => r.ProjectId == projectId));

    public Task<T> QueryAsync<T>(Func<Web.Platform.Data.AppDbContext, Task<T>> query) => _projects.QueryAsync(query);
}
