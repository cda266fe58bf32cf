using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Modules.Roadshows;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>POST /api/v1/roadshows/{id}/interests: a partner's one tap, once; the project's staff are told once.</summary>
public abstract class ExpressInterestTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task Interest_TappedTwice_IsStoredOnceAndStaffToldOnce()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        using var partner = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "王经理", Roles.PartnerMember));

        var first = await partner.PostAsJsonAsync($"/api/v1/roadshows/{id}/interests", new { projectId = actors.ProjectA });
        var again = await partner.PostAsJsonAsync($"/api/v1/roadshows/{id}/interests", new { projectId = actors.ProjectA });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("interestCount").GetInt32());
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<RoadshowInterest>().CountAsync(i => i.RoadshowId == id)));
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == actors.Staff.Id)));
        var details = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/roadshows/{id}");
        Assert.Equal([1, 0], details.GetProperty("lineup").EnumerateArray().Select(l => l.GetProperty("interestCount").GetInt32()));
    }

    [Fact]
    public async Task Interest_ByResidentOrOutsideLineup_IsRefused()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));
        using var partner = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "王经理", Roles.PartnerMember));

        var byResident = await resident.PostAsJsonAsync($"/api/v1/roadshows/{id}/interests", new { projectId = actors.ProjectA });
        var outside = await partner.PostAsJsonAsync($"/api/v1/roadshows/{id}/interests", new { projectId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<RoadshowInterest>().CountAsync(i => i.RoadshowId == id)));
    }
}

[Collection(SqliteLane.Name)]
public sealed class ExpressInterestTestsOnSqlite(SqliteAppFactory factory) : ExpressInterestTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ExpressInterestTestsOnPostgres(PostgresAppFactory factory) : ExpressInterestTests(factory);
