using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Earning;
using CommunityPartner.Web.Modules.Points.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>
/// Activity check-in: staff open an activity with a code; a resident checking in earns the activity community's rule
/// once per activity, only inside the time window, under the daily cap, paid from that community's pool.
/// </summary>
public abstract class CheckInTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task CheckIn_TwiceWithAnyKey_AwardsOnce_AndStaffSeeOneAttendee()
    {
        var world = await _points.WorldAsync(points: 12);
        var activity = await OpenAsync(world);
        var (_, resident) = await _points.ResidentAsync(world, awards: 0);
        var key = Guid.NewGuid().ToString();

        var first = await CheckInAsync(resident, activity.Code, key);
        var replay = await CheckInAsync(resident, activity.Code, key);
        var otherKey = await CheckInAsync(resident, activity.Code, Guid.NewGuid().ToString());
        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CheckInAsync(resident, activity.Code, Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var transfer = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetInt64();
        foreach (var again in parallel.Append(replay).Append(otherKey))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(transfer, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferId").GetInt64());
        }

        Assert.Equal((12L, 0L, 1), await PointsTestData.PassbookAsync(resident));
        var attendees = await world.StaffClient.GetFromJsonAsync<JsonElement>($"/api/v1/points/activities/{activity.Id}/attendees");
        Assert.Equal(1, attendees.GetProperty("attendees").GetArrayLength());
        Assert.Equal(1, attendees.GetProperty("activity").GetProperty("attendees").GetInt32());
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task CheckIn_OutsideTheWindow_Returns409AndMovesNothing()
    {
        var world = await _points.WorldAsync();
        var past = await OpenAsync(world, DateTime.UtcNow.AddHours(-5), DateTime.UtcNow.AddHours(-2));
        var future = await OpenAsync(world, DateTime.UtcNow.AddDays(1), DateTime.UtcNow.AddDays(1).AddHours(2));
        var (_, resident) = await _points.ResidentAsync(world, awards: 0);

        var late = await CheckInAsync(resident, past.Code, Guid.NewGuid().ToString());
        var early = await CheckInAsync(resident, future.Code, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.StartsWith("现在不在签到时间内", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal((0L, 0L, 0), await PointsTestData.PassbookAsync(resident));
    }

    [Fact]
    public async Task CheckIn_ResidentOfAnotherCommunity_IsPaidFromTheActivityCommunitysPool()
    {
        var world = await _points.WorldAsync(points: 7);
        var activity = await OpenAsync(world);
        var neighbour = await factory.Data.UserAsync(await factory.Data.CommunityAsync(), "邻居");
        using var client = await factory.Data.ApiClientAsync(neighbour);

        var response = await CheckInAsync(client, activity.Code.ToLowerInvariant(), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((7L, 0L, 1), await PointsTestData.PassbookAsync(client));
        var pool = await _points.QueryAsync(db => db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.CommunityPool && a.OwnerId == world.Community.Id).Select(a => a.Balance).FirstAsync());
        Assert.Equal(-7, pool);
    }

    [Fact]
    public async Task CheckIn_PastTheDailyCap_Returns409_TheCapHoldsAcrossAwardsAndCheckIns()
    {
        var world = await _points.WorldAsync(points: 10, cap: 20);
        var (resident, client) = await _points.ResidentAsync(world, awards: 1);
        var first = await OpenAsync(world);
        var second = await OpenAsync(world);

        var ok = await CheckInAsync(client, first.Code, Guid.NewGuid().ToString());
        var capped = await CheckInAsync(client, second.Code, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, capped.StatusCode);
        Assert.Equal("你今天参加这类活动的积分已达上限（20 分）", (await capped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(20, (await PointsTestData.PassbookAsync(client)).Balance);
        Assert.Equal(0, await _points.QueryAsync(db => db.Set<ActivityCheckIn>().CountAsync(c => c.ActivityId == second.Id && c.UserId == resident.Id)));
    }

    [Fact]
    public async Task CheckIn_KeyRules_MissingKey400_KeyReusedForAnotherActivity422_UnknownCode404()
    {
        var world = await _points.WorldAsync();
        var a = await OpenAsync(world);
        var b = await OpenAsync(world);
        var (_, resident) = await _points.ResidentAsync(world, awards: 0);
        var key = Guid.NewGuid().ToString();

        var missing = await CheckInAsync(resident, a.Code, null);
        var first = await CheckInAsync(resident, a.Code, key);
        var reused = await CheckInAsync(resident, b.Code, key);
        var unknown = await CheckInAsync(resident, "ZZZZZZ", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, (await PointsTestData.PassbookAsync(resident)).Movements);
    }

    [Fact]
    public async Task Activities_OnlyStaffCreate_OnlyTheirCommunitysStaffSeeAttendees_CreationIsAudited()
    {
        var world = await _points.WorldAsync();
        var (_, resident) = await _points.ResidentAsync(world, awards: 0);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        var byResident = await resident.PostAsJsonAsync("/api/v1/points/activities", Body("志愿服务", "volunteer", DateTime.UtcNow, DateTime.UtcNow.AddHours(1)));
        var bad = await world.StaffClient.PostAsJsonAsync("/api/v1/points/activities", Body("", "nope", DateTime.UtcNow, DateTime.UtcNow.AddHours(-1)));
        var activity = await OpenAsync(world);
        var foreign = await otherStaff.GetAsync($"/api/v1/points/activities/{activity.Id}/attendees");

        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("activityType", out _) && errors.TryGetProperty("endsAt", out _));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(PointsActivity.CodeLength, activity.Code.Length);
        Assert.Equal($"/points/checkin/{activity.Code}", activity.Path);
        Assert.True(await _points.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "points.activity.created" && e.EntityId == activity.Id.ToString())));
    }

    [Fact]
    public async Task Pages_StaffSeeTheQrCode_ResidentChecksInOnce_StaffSeeTheAttendee()
    {
        var world = await _points.WorldAsync(points: 9);
        var activity = await OpenAsync(world);
        var resident = await factory.Data.UserAsync(world.Community, "签到居民");
        using var staff = await factory.Data.BrowserAsync(world.Staff);
        using var browser = await factory.Data.BrowserAsync(resident);

        var poster = await Html.GetAsync(staff, $"/admin/points/activities/{activity.Id}");
        Assert.StartsWith("data:image/svg+xml;base64,", poster.QuerySelector("#qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(activity.Code, poster.QuerySelector("#code")!.TextContent.Trim());

        var form = await Html.GetAsync(browser, $"/points/checkin/{activity.Code}");
        Assert.NotNull(form.QuerySelector("#checkin"));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("#activity form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["key"] = form.QuerySelector("#activity form input[name=key]")!.GetAttribute("value")!,
        };
        var first = await browser.PostAsync($"/points/checkin/{activity.Code}", new FormUrlEncodedContent(fields));
        var again = await browser.PostAsync($"/points/checkin/{activity.Code}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var after = await Html.GetAsync(browser, $"/points/checkin/{activity.Code}");
        Assert.Contains("你已签到，获得 9 积分", after.QuerySelector("#checked-in")!.TextContent);
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal((9L, 0L, 1), await PointsTestData.PassbookAsync(client));
        var list = await Html.GetAsync(staff, $"/admin/points/activities/{activity.Id}");
        Assert.Contains("签到居民", list.QuerySelector("#attendees")!.TextContent);
        Assert.DoesNotContain(resident.Phone, list.QuerySelector("#attendees")!.TextContent);
    }

    [Fact]
    public async Task Activities_TimesWithoutAZone_AreBeijingTime()
    {
        var world = await _points.WorldAsync();
        var day = DateTime.UtcNow.Date.AddDays(2);
        var body = new
        {
            title = "周末义诊",
            activityType = "volunteer",
            startsAt = day.ToString("yyyy-MM-dd'T'09:00:00", System.Globalization.CultureInfo.InvariantCulture),
            endsAt = day.ToString("yyyy-MM-dd'T'03:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };

        var response = await world.StaffClient.PostAsJsonAsync("/api/v1/points/activities", body);

        // 09:00 in the district is 01:00 UTC; the end, sent in UTC, stays 03:00 UTC.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await _points.QueryAsync(db => db.Set<PointsActivity>().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(day.AddHours(1), stored.StartsAt);
        Assert.Equal(day.AddHours(3), stored.EndsAt);
    }

    private sealed record Opened(Guid Id, string Code, string Path);

    private static object Body(string title, string type, DateTime starts, DateTime ends) => new { title, activityType = type, startsAt = starts, endsAt = ends };

    private static async Task<Opened> OpenAsync(PointsWorld world, DateTime? starts = null, DateTime? ends = null)
    {
        var response = await world.StaffClient.PostAsJsonAsync("/api/v1/points/activities",
            Body("社区清洁日", "volunteer", starts ?? DateTime.UtcNow.AddHours(-1), ends ?? DateTime.UtcNow.AddHours(2)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Opened(body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!, body.GetProperty("checkInPath").GetString()!);
    }

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, string code, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/points/checkins") { Content = JsonContent.Create(new { code }) };
        if (key is not null)
        {
            request.Headers.Add(Idempotency.Header, key);
        }

        return client.SendAsync(request);
    }
}

[Collection(SqliteLane.Name)]
public sealed class CheckInTestsOnSqlite(SqliteAppFactory factory) : CheckInTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CheckInTestsOnPostgres(PostgresAppFactory factory) : CheckInTests(factory);
