using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>Only staff of the project's own community write to it: everyone else is refused on every write endpoint and page handler.</summary>
public abstract class ProjectAccessTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    public static readonly string[] Endpoints = ["edit", "cover", "publish", "start", "complete", "operate", "cancel", "milestones", "reach", "updates"];

    public static TheoryData<string, string, HttpStatusCode> OutsidersOnEveryEndpoint()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var endpoint in Endpoints.Prepend("create"))
        {
            data.Add(endpoint, "staff-of-another-community", HttpStatusCode.Forbidden);
            data.Add(endpoint, "resident", HttpStatusCode.Forbidden);
            data.Add(endpoint, "anonymous", HttpStatusCode.Unauthorized);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutsidersOnEveryEndpoint))]
    public async Task Write_ByOutsider_IsRefusedAndStoresNothing(string endpoint, string who, HttpStatusCode expected)
    {
        var actors = await _needs.ActorsAsync();
        var (id, milestoneId) = await ProjectWhereLegalAsync(endpoint, actors);
        var before = id == Guid.Empty ? null : await _projects.LoadAsync(id);
        var rows = await _projects.CountRowsAsync();
        using var client = who switch
        {
            "staff-of-another-community" => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync())),
            "resident" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "同社区居民")),
            _ => await factory.Data.ApiClientAsync(null),
        };

        using var response = await SendAsync(client, endpoint, actors.Community, id, milestoneId);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, (await ProblemJson.ReadAsync(response)).GetProperty("status").GetInt32());
        Assert.Equal(rows, await _projects.CountRowsAsync());
        if (before is not null)
        {
            var after = await _projects.LoadAsync(id);
            Assert.Equal((before.Status, before.Version, before.Title, before.CoverPhotoId), (after.Status, after.Version, after.Title, after.CoverPhotoId));
            Assert.Empty(_projects.FilesOf(id));
        }
    }

    [Fact]
    public async Task Write_ByOwnStaff_Succeeds_SoRefusalsAboveAreAboutTheActor()
    {
        var actors = await _needs.ActorsAsync();
        foreach (var endpoint in Endpoints.Prepend("create"))
        {
            var (id, milestoneId) = await ProjectWhereLegalAsync(endpoint, actors);
            using var response = await SendAsync(actors.StaffClient, endpoint, actors.Community, id, milestoneId);
            Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static TheoryData<string> PageHandlers() => ["Move", "Milestone", "Reach", "Update", "Cover"];

    [Theory]
    [MemberData(nameof(PageHandlers))]
    public async Task StaffPanel_StaffOfAnotherCommunity_SeesNoPanelAndDirectPostIsForbidden(string handler)
    {
        var actors = await _needs.ActorsAsync();
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.InProgress);
        var milestone = await AddMilestoneAsync(actors.StaffClient, id);
        var before = await _projects.LoadAsync(id);
        var rows = await _projects.CountRowsAsync();
        var outsider = await factory.Data.StaffAsync(await factory.Data.CommunityAsync());
        using var browser = await factory.Data.BrowserAsync(outsider);

        var page = await Html.GetAsync(browser, $"/projects/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=']"));

        // The outsider's own new-project form carries a valid antiforgery token for this browser; reuse it to forge the post.
        var form = await Html.GetAsync(browser, "/projects/new");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("complete"), "move" },
            { new StringContent("越权操作"), "Input.Text" },
            { new StringContent("越权节点"), "Input.MilestoneTitle" },
            { new StringContent(factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd")), "Input.PlannedOn" },
            { new StringContent(factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd")), "Input.ReachedOn" },
            { new StringContent("越权进展"), "Input.UpdateText" },
            { new StringContent(milestone.ToString()), "milestoneId" },
        };
        var photo = new ByteArrayContent(TestImages.Jpeg());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(photo, handler == "Cover" ? "cover" : "photos", "a.jpg");

        var response = await browser.PostAsync($"/projects/{id}?handler={handler}", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", Responses.LocationPath(response));
        var after = await _projects.LoadAsync(id);
        Assert.Equal((before.Status, before.Version, before.CoverPhotoId), (after.Status, after.Version, after.CoverPhotoId));
        Assert.Equal(rows, await _projects.CountRowsAsync());
        Assert.Empty(_projects.FilesOf(id));
    }

    private async Task<(Guid Id, Guid MilestoneId)> ProjectWhereLegalAsync(string endpoint, NeedActors actors)
    {
        var status = endpoint switch
        {
            "create" => (ProjectStatus?)null,
            "start" or "cancel" or "updates" => ProjectStatus.Recruiting,
            "complete" or "reach" => ProjectStatus.InProgress,
            "operate" => ProjectStatus.Completed,
            _ => ProjectStatus.Draft,
        };
        if (status is null)
        {
            return (Guid.Empty, Guid.Empty);
        }

        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, status.Value);
        return (id, endpoint == "reach" ? await AddMilestoneAsync(actors.StaffClient, id) : Guid.Empty);
    }

    private async Task<Guid> AddMilestoneAsync(HttpClient staff, Guid id)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/projects/{id}/milestones", new { title = "完成设计", plannedOn = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd") });
        await ProjectsTestData.EnsureAsync(response, "milestone");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, CommunityRef community, Guid id, Guid milestoneId)
    {
        var today = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd");
        switch (endpoint)
        {
            case "create":
                return client.PostAsJsonAsync("/api/v1/projects", ProjectsTestData.Body(community));
            case "edit":
                return client.PutAsJsonAsync($"/api/v1/projects/{id}", ProjectsTestData.Body(community, title: "越权改名"));
            case "cover":
                var cover = new MultipartFormDataContent();
                var image = new ByteArrayContent(TestImages.Jpeg());
                image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                cover.Add(image, "cover", "cover.jpg");
                return client.PostAsync($"/api/v1/projects/{id}/cover", cover);
            case "milestones":
                return client.PostAsJsonAsync($"/api/v1/projects/{id}/milestones", new { title = "越权节点", plannedOn = today });
            case "reach":
                return client.PostAsJsonAsync($"/api/v1/projects/{id}/milestones/{milestoneId}/reach", new { reachedOn = today });
            case "updates":
                return client.PostAsJsonAsync($"/api/v1/projects/{id}/updates", new { text = "越权进展" });
            default:
                return ProjectsTestData.PostMoveAsync(client, id, endpoint);
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class ProjectAccessTestsOnSqlite(SqliteAppFactory factory) : ProjectAccessTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectAccessTestsOnPostgres(PostgresAppFactory factory) : ProjectAccessTests(factory);
