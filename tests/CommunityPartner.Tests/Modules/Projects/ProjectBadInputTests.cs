using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>A good project with one thing broken: the API names the field, and nothing at all is stored.</summary>
public abstract class ProjectBadInputTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    public static TheoryData<string, string> BadProjects() => new()
    {
        { "title-empty", "title" },
        { "title-61", "title" },
        { "summary-empty", "summary" },
        { "summary-201", "summary" },
        { "description-4001", "description" },
        { "budget-negative", "budgetYuan" },
        { "budget-absurd", "budgetYuan" },
        { "funding-0", "asks[0].yuan" },
        { "funding-negative", "asks[0].yuan" },
        { "funding-absurd", "asks[0].yuan" },
        { "service-no-hours", "asks[1].hours" },
        { "service-0-hours", "asks[1].hours" },
        { "service-too-many-hours", "asks[1].hours" },
        { "service-negative-value", "asks[1].yuan" },
        { "ask-kind-unknown", "asks[0].kind" },
        { "ask-title-empty", "asks[0].title" },
        { "asks-21", "asks" },
        { "model-unknown", "model" },
        { "category-unknown", "categoryCode" },
        { "community-unknown", "communityCode" },
        { "need-of-another-community", "needIds" },
        { "need-rejected", "needIds" },
        { "need-in-another-published-project", "needIds" },
        { "need-unknown", "needIds" },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task Create_BadInput_IsFieldErrorAndStoresNothing(string name, string field)
    {
        var actors = await _needs.ActorsAsync();
        var body = ProjectsTestData.Body(actors.Community);
        await BreakAsync(body, name, actors);
        var rows = await _projects.CountRowsAsync();

        var response = await actors.StaffClient.PostAsJsonAsync("/api/v1/projects", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(rows, await _projects.CountRowsAsync());
    }

    /// <summary>The community is not an edit field: a project never moves to another community (see <see cref="Edit_CommunityCode_IsIgnored"/>).</summary>
    public static TheoryData<string, string> BadEdits()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in BadProjects().Where(r => (string)r[0] != "community-unknown"))
        {
            data.Add((string)row[0], (string)row[1]);
        }

        return data;
    }

    [Fact]
    public async Task Edit_CommunityCode_IsIgnored()
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var other = await factory.Data.CommunityAsync();

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/projects/{id}", ProjectsTestData.Body(other, title: "换社区"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(actors.Community.Id, (await _projects.LoadAsync(id)).CommunityId);
    }

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task Edit_BadInput_IsFieldErrorAndChangesNothing(string name, string field)
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var body = ProjectsTestData.Body(actors.Community, title: "改过的名字");
        await BreakAsync(body, name, actors);
        var before = await _projects.LoadAsync(id);
        var rows = await _projects.CountRowsAsync();

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/projects/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        var after = await _projects.LoadAsync(id);
        Assert.Equal((before.Title, before.Version, before.BudgetYuan), (after.Title, after.Version, after.BudgetYuan));
        Assert.Equal(rows, await _projects.CountRowsAsync());
    }

    public static TheoryData<string, string> BadMilestones() => new()
    {
        { "title-empty", "title" },
        { "date-missing", "plannedOn" },
        { "date-20-years-ahead", "plannedOn" },
        { "date-3-years-ago", "plannedOn" },
        { "date-before-previous", "plannedOn" },
    };

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public async Task Milestone_BadInput_IsFieldErrorAndStoresNothing(string name, string field)
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ProjectsTestData.EnsureAsync(await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/milestones", new { title = "完成设计", plannedOn = today.AddDays(30) }), "milestone");
        var rows = await _projects.CountRowsAsync();
        object body = name switch
        {
            "title-empty" => new { title = " ", plannedOn = (DateOnly?)today.AddDays(40) },
            "date-missing" => new { title = "开工", plannedOn = (DateOnly?)null },
            "date-20-years-ahead" => new { title = "开工", plannedOn = (DateOnly?)today.AddYears(20) },
            "date-3-years-ago" => new { title = "开工", plannedOn = (DateOnly?)today.AddYears(-3) },
            _ => new { title = "开工", plannedOn = (DateOnly?)today.AddDays(10) },
        };

        var response = await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/milestones", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(rows, await _projects.CountRowsAsync());
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("before-start")]
    [InlineData("missing")]
    public async Task Reach_DateInFutureOrBeforeStart_IsFieldErrorAndChangesNothing(string when)
    {
        var actors = await _needs.ActorsAsync();
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.InProgress);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var added = await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/milestones", new { title = "完成设计", plannedOn = today });
        var milestoneId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await _projects.LoadAsync(id);
        DateOnly? reachedOn = when switch
        {
            "tomorrow" => today.AddDays(1),
            "before-start" => today.AddDays(-1),
            _ => null,
        };

        var response = await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/milestones/{milestoneId}/reach", new { reachedOn });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reachedOn", ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        var after = await _projects.LoadAsync(id);
        Assert.Null(after.Milestones.Single().ReachedOn);
        Assert.Equal((before.Version, before.Events.Count), (after.Version, after.Events.Count));
    }

    public static TheoryData<string, string> BadUpdates() => new()
    {
        { "text-empty", "text" },
        { "text-2001", "text" },
        { "photo-exe-as-jpg", "photos" },
        { "photos-4", "photos" },
        { "photos-good-and-bad", "photos" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public async Task Update_BadInput_IsFieldErrorStoresNothingAndLeavesNoFile(string name, string field)
    {
        var actors = await _needs.ActorsAsync();
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting);
        var rows = await _projects.CountRowsAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(name switch { "text-empty" => " ", "text-2001" => new string('进', 2001), _ => "进展顺利" }), "text" },
        };
        var photos = name switch
        {
            "photo-exe-as-jpg" => [("virus.jpg", TestImages.FakeExe())],
            "photos-4" => Enumerable.Range(1, 4).Select(i => ($"p{i}.jpg", TestImages.Jpeg())).ToArray(),
            "photos-good-and-bad" => [("good.jpg", TestImages.Jpeg()), ("bad.jpg", TestImages.FakeExe())],
            _ => new[] { ("good.jpg", TestImages.Jpeg()) },
        };
        foreach (var (fileName, bytes) in photos)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "photos", fileName);
        }

        var response = await actors.StaffClient.PostAsync($"/api/v1/projects/{id}/updates", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(rows, await _projects.CountRowsAsync());
        Assert.Empty(_projects.FilesOf(id));
    }

    [Fact]
    public async Task Update_JsonTextEmpty_IsFieldError()
    {
        var actors = await _needs.ActorsAsync();
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting);
        var rows = await _projects.CountRowsAsync();

        var response = await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/updates", new { text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text", ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(rows, await _projects.CountRowsAsync());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("exe")]
    [InlineData("missing")]
    public async Task Cover_NotAnImage_IsFieldErrorStoresNothingAndLeavesNoFile(string what)
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var rows = await _projects.CountRowsAsync();
        using var content = new MultipartFormDataContent();
        if (what != "missing")
        {
            var part = new ByteArrayContent(what == "text" ? TestImages.Text() : TestImages.FakeExe());
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, "cover", "cover.png");
        }
        else
        {
            content.Add(new StringContent("x"), "other");
        }

        var response = await actors.StaffClient.PostAsync($"/api/v1/projects/{id}/cover", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cover", ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(rows, await _projects.CountRowsAsync());
        Assert.Null((await _projects.LoadAsync(id)).CoverPhotoId);
        Assert.Empty(_projects.FilesOf(id));
    }

    private async Task BreakAsync(Dictionary<string, object?> body, string name, NeedActors actors)
    {
        object[] Asks(object first, object second) => [first, second];
        var funding = new { kind = "funding", title = "改造资金", yuan = 50_000 };
        var service = new { kind = "service", title = "设计服务", hours = 40, yuan = 8_000 };
        switch (name)
        {
            case "title-empty": body["title"] = "  "; break;
            case "title-61": body["title"] = new string('项', Project.TitleMax + 1); break;
            case "summary-empty": body["summary"] = ""; break;
            case "summary-201": body["summary"] = new string('简', Project.SummaryMax + 1); break;
            case "description-4001": body["description"] = new string('说', Project.DescriptionMax + 1); break;
            case "budget-negative": body["budgetYuan"] = -1; break;
            case "budget-absurd": body["budgetYuan"] = Project.MaxYuan + 1; break;
            case "funding-0": body["asks"] = Asks(new { kind = "funding", title = "改造资金", yuan = 0 }, service); break;
            case "funding-negative": body["asks"] = Asks(new { kind = "funding", title = "改造资金", yuan = -5 }, service); break;
            case "funding-absurd": body["asks"] = Asks(new { kind = "funding", title = "改造资金", yuan = Project.MaxYuan + 1 }, service); break;
            case "service-no-hours": body["asks"] = Asks(funding, new { kind = "service", title = "设计服务", yuan = 8_000 }); break;
            case "service-0-hours": body["asks"] = Asks(funding, new { kind = "service", title = "设计服务", hours = 0, yuan = 8_000 }); break;
            case "service-too-many-hours": body["asks"] = Asks(funding, new { kind = "service", title = "设计服务", hours = ResourceNeed.MaxHours + 1, yuan = 8_000 }); break;
            case "service-negative-value": body["asks"] = Asks(funding, new { kind = "service", title = "设计服务", hours = 10, yuan = -1 }); break;
            case "ask-kind-unknown": body["asks"] = Asks(new { kind = "bitcoin", title = "改造资金", yuan = 10 }, service); break;
            case "ask-title-empty": body["asks"] = Asks(new { kind = "funding", title = "", yuan = 10 }, service); break;
            case "asks-21": body["asks"] = Enumerable.Range(1, Project.MaxAsks + 1).Select(i => (object)new { kind = "funding", title = $"资金 {i}", yuan = 100 }).ToArray(); break;
            case "model-unknown": body["model"] = "franchise"; break;
            case "category-unknown": body["categoryCode"] = "no-such-category"; break;
            case "community-unknown": body["communityCode"] = "no-such-community"; break;
            case "need-of-another-community":
                var elsewhere = await _needs.ActorsAsync();
                body["needIds"] = new[] { await NeedsTestData.RaiseAsync(elsewhere.RaiserClient, elsewhere.Community) };
                break;
            case "need-rejected":
                body["needIds"] = new[] { await NeedsTestData.NeedAsync(actors, NeedStatus.Rejected) };
                break;
            case "need-in-another-published-project":
                var taken = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
                await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, [taken]);
                body["needIds"] = new[] { taken };
                break;
            case "need-unknown": body["needIds"] = new[] { Guid.NewGuid() }; break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class ProjectBadInputTestsOnSqlite(SqliteAppFactory factory) : ProjectBadInputTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectBadInputTestsOnPostgres(PostgresAppFactory factory) : ProjectBadInputTests(factory);
