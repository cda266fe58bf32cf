using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Roadshows;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Roadshows;

/// <summary>POST and PUT /api/v1/roadshows: who may organise, what a line-up may hold, and clear errors for bad input.</summary>
public abstract class CreateRoadshowTests(AppFactory factory)
{
    private readonly RoadshowsTestData _data = new(factory);

    [Fact]
    public async Task Create_ByStaffWithOwnProjects_Returns201WithLineupInOrder()
    {
        var actors = await _data.ActorsAsync();

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", _data.Body([actors.ProjectB, actors.ProjectA], capacity: 30));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("upcoming", body.GetProperty("phase").GetString());
        Assert.Equal(30, body.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(actors.Community.Id, body.GetProperty("organiserCommunityId").GetGuid());
        var lineup = body.GetProperty("lineup").EnumerateArray().ToList();
        Assert.Equal([actors.ProjectB, actors.ProjectA], lineup.Select(l => l.GetProperty("projectId").GetGuid()));
        Assert.Equal("路演项目乙", lineup[0].GetProperty("title").GetString());
        Assert.Equal($"/projects/{actors.ProjectB}", lineup[0].GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("results").ValueKind);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(1, await _data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "roadshows.create" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Create_TimesWithoutAZone_AreBeijingTime_TimesWithAZoneAreTakenAsSent()
    {
        var actors = await _data.ActorsAsync();
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3);
        var body = _data.Body([actors.ProjectA]);
        // 19:00 in the district is 11:00 UTC; scoring written with its own offset (+08:00) and in UTC (Z).
        body["startsAt"] = day.ToString("yyyy-MM-dd'T'19:00:00", System.Globalization.CultureInfo.InvariantCulture);
        body["scoringOpensAt"] = day.ToString("yyyy-MM-dd'T'19:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        body["scoringClosesAt"] = day.ToString("yyyy-MM-dd'T'14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await _data.QueryAsync(db => db.Set<Roadshow>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(day.AddHours(11), stored.StartsAt);
        Assert.Equal(day.AddHours(11.5), stored.ScoringOpensAt);
        Assert.Equal(day.AddHours(14), stored.ScoringClosesAt);
    }

    [Fact]
    public async Task Create_ByAdmin_IsDistrictRoadshowWithProjectsOfSeveralCommunities()
    {
        var first = await _data.ActorsAsync();
        var second = await _data.ActorsAsync();
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var id = await RoadshowsTestData.CreateAsync(admin, _data.Body([first.ProjectA, second.ProjectA]));

        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/roadshows/{id}");
        Assert.Equal(JsonValueKind.Null, body.GetProperty("organiserCommunityId").ValueKind);
        Assert.Equal([first.Community.Id, second.Community.Id],
            body.GetProperty("lineup").EnumerateArray().Select(l => l.GetProperty("communityId").GetGuid()));
    }

    public static TheoryData<string, object?, string, string> BadInput => new()
    {
        { "title", "", "title", "请填写路演名称" },
        { "title", new string('演', Roadshow.TitleMax + 1), "title", "路演名称不能超过 60 个字" },
        { "venue", "  ", "venue", "请填写地点" },
        { "capacity", 0, "capacity", "可容纳人数须在 1 到 5000 之间" },
        { "capacity", Roadshow.MaxCapacity + 1, "capacity", "可容纳人数须在 1 到 5000 之间" },
        { "capacity", null, "capacity", "请填写可容纳人数" },
        { "startsAt", null, "startsAt", "请填写路演时间" },
        { "description", new string('介', Roadshow.DescriptionMax + 1), "description", "介绍不能超过 2000 个字" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_BadInput_Returns400WithFieldErrorAndStoresNothing(string field, object? value, string errorField, string message)
    {
        var actors = await _data.ActorsAsync();
        var body = _data.Body([actors.ProjectA], title: "坏输入" + Guid.NewGuid().ToString("N")[..8]);
        body[field] = value;

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", body);

        await AssertFieldErrorAsync(response, errorField, message);
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<Roadshow>().CountAsync(r => r.OrganiserCommunityId == actors.Community.Id)));
    }

    [Fact]
    public async Task Create_ScoringClosesBeforeItOpens_Returns400AndStoresNothing()
    {
        var actors = await _data.ActorsAsync();
        var body = _data.Body([actors.ProjectA]);
        body["scoringClosesAt"] = ((DateTime)body["scoringOpensAt"]!).AddMinutes(-5);

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", body);

        await AssertFieldErrorAsync(response, "scoringClosesAt", "评分结束时间必须晚于开始时间");
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<Roadshow>().CountAsync(r => r.OrganiserCommunityId == actors.Community.Id)));
    }

    [Fact]
    public async Task Create_ScoringOpensInThePast_Returns400()
    {
        var actors = await _data.ActorsAsync();
        var body = _data.Body([actors.ProjectA]);
        body["scoringOpensAt"] = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);

        await AssertFieldErrorAsync(await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", body), "scoringOpensAt", "评分开始时间不能早于现在");
    }

    [Fact]
    public async Task Create_StaffWithAnotherCommunitysProject_Returns400AndStoresNothing()
    {
        var actors = await _data.ActorsAsync();
        var other = await _data.ActorsAsync();

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", _data.Body([actors.ProjectA, other.ProjectA]));

        await AssertFieldErrorAsync(response, "projectIds", "社区组织的路演只能列入本社区的项目");
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<Roadshow>().CountAsync(r => r.OrganiserCommunityId == actors.Community.Id)));
    }

    [Fact]
    public async Task Create_DraftOrUnknownOrRepeatedProject_Returns400()
    {
        var actors = await _data.ActorsAsync();
        var draft = await _data.PublishedProjectAsync(actors.Community, "草稿项目", publish: false);

        var withDraft = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", _data.Body([draft]));
        var unknown = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", _data.Body([Guid.NewGuid()]));
        var repeated = await actors.StaffClient.PostAsJsonAsync("/api/v1/roadshows", _data.Body([actors.ProjectA, actors.ProjectA]));

        await AssertFieldErrorAsync(withDraft, "projectIds", "只能列入已发布、仍在推进的项目");
        await AssertFieldErrorAsync(unknown, "projectIds", "只能列入已发布、仍在推进的项目");
        await AssertFieldErrorAsync(repeated, "projectIds", "同一个项目不能重复列入");
    }

    [Fact]
    public async Task Create_ByResidentOrAnonymous_IsRefused()
    {
        var actors = await _data.ActorsAsync();
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community));
        using var anonymous = await factory.Data.ApiClientAsync(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/v1/roadshows", _data.Body([actors.ProjectA]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/roadshows", _data.Body([actors.ProjectA]))).StatusCode);
    }

    [Fact]
    public async Task Edit_WhileUpcoming_ChangesFieldsAndReordersLineup()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var body = _data.Body([actors.ProjectB, actors.ProjectA], capacity: 80, title: "改过的路演");

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/roadshows/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("改过的路演", json.GetProperty("title").GetString());
        Assert.Equal(80, json.GetProperty("capacity").GetInt32());
        Assert.Equal([actors.ProjectB, actors.ProjectA], json.GetProperty("lineup").EnumerateArray().Select(l => l.GetProperty("projectId").GetGuid()));
        Assert.Equal(1, await _data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "roadshows.edit" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Edit_BadInput_Returns400AndChangesNothing()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.RoadshowAsync(actors);
        var body = _data.Body([actors.ProjectA], capacity: 0, title: "");

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/roadshows/{id}", body);

        await AssertFieldErrorAsync(response, "title", "请填写路演名称");
        var stored = await _data.QueryAsync(db => db.Set<Roadshow>().Include(r => r.Lineup).FirstAsync(r => r.Id == id));
        Assert.Equal(("测试路演", 50, 2), (stored.Title, stored.Capacity, stored.Lineup.Count));
    }

    [Fact]
    public async Task Edit_AfterScoringOpened_Returns409()
    {
        var actors = await _data.ActorsAsync();
        var id = await _data.ScoringAsync(actors);

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/roadshows/{id}", _data.Body([actors.ProjectA]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("评分开始后不能再修改路演", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(message, errors);
    }
}

[Collection(SqliteLane.Name)]
public sealed class CreateRoadshowTestsOnSqlite(SqliteAppFactory factory) : CreateRoadshowTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CreateRoadshowTestsOnPostgres(PostgresAppFactory factory) : CreateRoadshowTests(factory);
