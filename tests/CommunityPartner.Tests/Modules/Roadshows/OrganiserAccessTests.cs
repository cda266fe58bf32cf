using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Roadshows;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>Every organiser endpoint refuses staff of another community; the district admin manages all; moves are guarded.</summary>
public abstract class OrganiserAccessTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task EveryOrganiserEndpoint_StaffOfAnotherCommunity_Returns403AndChangesNothing()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var version = await _data.QueryAsync(db => db.Set<Roadshow>().Where(r => r.Id == id).Select(r => r.Version).FirstAsync());
        var stranger = await _data.ActorsAsync();
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));

        foreach (var client in new[] { stranger.StaffClient, resident })
        {
            var responses = new[]
            {
                await client.PutAsJsonAsync($"/api/v1/roadshows/{id}", _data.Body([actors.ProjectA], title: "别人改的")),
                await client.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null),
                await client.PostAsync($"/api/v1/roadshows/{id}/close-scoring", null),
                await client.PostAsJsonAsync($"/api/v1/roadshows/{id}/cancel", new { reason = "不想办了" }),
            };
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        }

        var stored = await _data.QueryAsync(db => db.Set<Roadshow>().AsNoTracking().FirstAsync(r => r.Id == id));
        Assert.Equal(("测试路演", (DateTime?)null, version), (stored.Title, stored.CancelledAt, stored.Version));
        Assert.Equal(1, await _data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task DistrictRoadshow_CommunityStaff_Returns403_Admin_Manages()
    {
        var actors = await _data.ActorsAsync();
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var id = await RoadshowsTestData.CreateAsync(admin, _data.Body([actors.ProjectA]));

        var staff = await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);
        var byAdmin = await admin.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("scoring", (await byAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Admin_ManagesCommunityRoadshow()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await admin.PostAsJsonAsync($"/api/v1/roadshows/{id}/cancel", new { reason = "场地临时维修" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("cancelled", "场地临时维修"), (body.GetProperty("phase").GetString(), body.GetProperty("cancelReason").GetString()));
    }

    [Fact]
    public async Task Cancel_WithoutReason_Returns400()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);

        var response = await actors.StaffClient.PostAsJsonAsync($"/api/v1/roadshows/{id}/cancel", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请说明取消的原因", (await ProblemJson.ReadAsync(response)).GetProperty("errors").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task Moves_OutOfOrder_Return409()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);

        var closeEarly = await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/close-scoring", null);
        await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);
        var cancelWhileScoring = await actors.StaffClient.PostAsJsonAsync($"/api/v1/roadshows/{id}/cancel", new { reason = "太晚了" });
        var openTwice = await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);

        Assert.Equal("只有正在评分的路演才能结束评分", (await ProblemJson.ReadAsync(closeEarly)).GetProperty("detail").GetString());
        Assert.Equal("评分开始后不能取消路演", (await ProblemJson.ReadAsync(cancelWhileScoring)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, openTwice.StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class OrganiserAccessTestsOnSqlite(SqliteAppFactory factory) : OrganiserAccessTests(factory);

[Collection(PostgresLane.Name)]
public sealed class OrganiserAccessTestsOnPostgres(PostgresAppFactory factory) : OrganiserAccessTests(factory);
