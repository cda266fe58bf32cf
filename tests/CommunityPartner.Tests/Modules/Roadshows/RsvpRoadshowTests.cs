using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Roadshows;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>POST/DELETE /api/v1/roadshows/{id}/rsvp: capacity holds under parallel requests, repeats are no-ops, cancelling frees the seat.</summary>
public abstract class RsvpRoadshowTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task Rsvp_FirstThenRepeat_Returns201Then200WithOneSeatTaken()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 5);
        using var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));

        var first = await client.PostAsync($"/api/v1/roadshows/{id}/rsvp", null);
        var repeat = await client.PostAsync($"/api/v1/roadshows/{id}/rsvp", null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, repeat.StatusCode));
        var body = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 4, "resident"), (body.GetProperty("rsvpCount").GetInt32(), body.GetProperty("seatsLeft").GetInt32(), body.GetProperty("kind").GetString()));
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<RoadshowRsvp>().CountAsync(r => r.RoadshowId == id)));
    }

    [Theory]
    [InlineData(Roles.Representative, AttendeeKind.Representative)]
    [InlineData(Roles.PartnerMember, AttendeeKind.Partner)]
    [InlineData(Roles.Resident, AttendeeKind.Resident)]
    public async Task Rsvp_KindFollowsRole(string role, AttendeeKind kind)
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);

        var (user, _) = await _data.AttendeeAsync(actors, id, "来宾", role);

        Assert.Equal(kind, await _data.QueryAsync(db => db.Set<RoadshowRsvp>().Where(r => r.RoadshowId == id && r.UserId == user.Id).Select(r => r.Kind).FirstAsync()));
    }

    [Fact]
    public async Task Rsvp_WhenFull_Returns409WithClearMessage()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 1);
        await _data.AttendeeAsync(actors, id);
        using var late = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "来晚的居民"));

        var response = await late.PostAsync($"/api/v1/roadshows/{id}/rsvp", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("名额已满，没有空位了", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<RoadshowRsvp>().CountAsync(r => r.RoadshowId == id)));
    }

    [Fact]
    public async Task Rsvp_TenParallelPeopleForThreeSeats_ExactlyThreeGetASeat()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 3);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, $"抢位居民{i}")));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/roadshows/{id}/rsvp", null)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await _data.QueryAsync(db => db.Set<RoadshowRsvp>().CountAsync(r => r.RoadshowId == id)));
        Assert.Equal(3, await _data.QueryAsync(db => db.Set<Roadshow>().Where(r => r.Id == id).Select(r => r.RsvpCount).FirstAsync()));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Rsvp_OnePersonTwentyTimesInParallel_TakesOneSeat()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 5);
        using var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync($"/api/v1/roadshows/{id}/rsvp", null)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"unexpected {r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<Roadshow>().Where(r => r.Id == id).Select(r => r.RsvpCount).FirstAsync()));
    }

    [Fact]
    public async Task CancelRsvp_FreesTheSeatForSomeoneElse()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors, capacity: 1);
        var (_, first) = await _data.AttendeeAsync(actors, id);
        using var second = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "候补居民"));

        var cancel = await first.DeleteAsync($"/api/v1/roadshows/{id}/rsvp");
        var cancelAgain = await first.DeleteAsync($"/api/v1/roadshows/{id}/rsvp");
        var taken = await second.PostAsync($"/api/v1/roadshows/{id}/rsvp", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(1, (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seatsLeft").GetInt32());
        Assert.Equal(HttpStatusCode.OK, cancelAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<Roadshow>().Where(r => r.Id == id).Select(r => r.RsvpCount).FirstAsync()));
        Assert.Equal(1, await _data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "roadshows.rsvp-cancel" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task CancelRsvp_AfterScoringOpened_Returns409AndKeepsSeat()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var (_, client) = await _data.AttendeeAsync(actors, id);
        await actors.StaffClient.PostAsync($"/api/v1/roadshows/{id}/open-scoring", null);

        var response = await client.DeleteAsync($"/api/v1/roadshows/{id}/rsvp");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<RoadshowRsvp>().CountAsync(r => r.RoadshowId == id)));
    }

    [Fact]
    public async Task Rsvp_CancelledOrClosedRoadshowOrAnonymous_IsRefused()
    {
        var actors = await _data.ActorsAsync();
        var cancelled = await _data.RoadshowAsync(actors);
        await actors.StaffClient.PostAsJsonAsync($"/api/v1/roadshows/{cancelled}/cancel", new { reason = "下雨" });
        var closed = await _data.ScoringAsync(actors);
        await RoadshowsTestData.CloseAsync(actors, closed);
        using var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));
        using var anonymous = await factory.Data.ApiClientAsync(null);

        Assert.Equal("这场路演已取消", (await ProblemJson.ReadAsync(await client.PostAsync($"/api/v1/roadshows/{cancelled}/rsvp", null))).GetProperty("detail").GetString());
        Assert.Equal("这场路演已经结束，不能再报名", (await ProblemJson.ReadAsync(await client.PostAsync($"/api/v1/roadshows/{closed}/rsvp", null))).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/roadshows/{closed}/rsvp", null)).StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class RsvpRoadshowTestsOnSqlite(SqliteAppFactory factory) : RsvpRoadshowTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RsvpRoadshowTestsOnPostgres(PostgresAppFactory factory) : RsvpRoadshowTests(factory);
