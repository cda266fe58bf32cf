using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>A project built from residents' needs carries them along: in progress when published, resolved when done, back to the queue when cancelled.</summary>
public abstract class ProjectLifecycleApiTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task Publish_MovesLinkedNeedsToInProgressWithTimelineAndTellsRaiserAndSupporter()
    {
        var actors = await _needs.ActorsAsync();
        var first = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var second = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded);
        var supporter = await factory.Data.UserAsync(actors.Community, "附议的居民");
        var supporterClient = await factory.Data.ApiClientAsync(supporter);
        await NeedsTestData.SupportAsync(supporterClient, first);
        var title = $"绿色驿站 {Guid.NewGuid():N}"[..14];

        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community, [first, second], title);

        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(first)).Status);
        Assert.Equal(NeedStatus.Responded, (await _needs.LoadAsync(second)).Status);
        Assert.DoesNotContain(await NotificationsAsync(supporterClient), n => n.Text.Contains(title, StringComparison.Ordinal));

        var response = await ProjectsTestData.PostMoveAsync(actors.StaffClient, id, "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("recruiting", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        foreach (var needId in new[] { first, second })
        {
            var need = await ProjectsTestData.GetJsonAsync(actors.RaiserClient, $"/api/v1/needs/{needId}");
            Assert.Equal("in_progress", need.GetProperty("status").GetString());
            Assert.Contains(need.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString() == title);
            Assert.Equal(id, (await _needs.LoadAsync(needId)).ProjectId);
        }

        Assert.Contains(await NotificationsAsync(actors.RaiserClient), n => n.Link == $"/needs/{first}" && n.Text.Contains(title, StringComparison.Ordinal));
        Assert.Contains(await NotificationsAsync(actors.RaiserClient), n => n.Link == $"/needs/{second}" && n.Text.Contains(title, StringComparison.Ordinal));
        Assert.Contains(await NotificationsAsync(supporterClient), n => n.Link == $"/needs/{first}" && n.Text.Contains(title, StringComparison.Ordinal));
        Assert.Empty(await _needs.NotificationsAsync(actors.Staff.Id, first));
    }

    [Fact]
    public async Task Complete_ResolvesNeedsWithProjectTextAndRaiserCanRate()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.InProgress, [needId]);

        var response = await ProjectsTestData.PostMoveAsync(actors.StaffClient, id, "complete", "驿站已建成投用");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var need = await ProjectsTestData.GetJsonAsync(actors.RaiserClient, $"/api/v1/needs/{needId}");
        Assert.Equal("resolved", need.GetProperty("status").GetString());
        Assert.Equal("驿站已建成投用", need.GetProperty("resolutionText").GetString());
        Assert.Contains(await NotificationsAsync(actors.RaiserClient), n => n.Link == $"/needs/{needId}" && n.Text.Contains("请评价", StringComparison.Ordinal));

        await NeedsTestData.RateAsync(actors.RaiserClient, needId, "satisfied", "很满意");
        Assert.Equal(NeedStatus.Rated, (await _needs.LoadAsync(needId)).Status);
    }

    [Fact]
    public async Task Cancel_PublishedProject_SendsNeedsBackToQueueAndTheyCanJoinAnotherProject()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, [needId]);
        Assert.Equal(NeedStatus.InProgress, (await _needs.LoadAsync(needId)).Status);

        var response = await ProjectsTestData.PostMoveAsync(actors.StaffClient, id, "cancel", "资金没有落实");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var need = await _needs.LoadAsync(needId);
        Assert.Equal((NeedStatus.Responded, (Guid?)null), (need.Status, need.ProjectId));
        var queue = await ProjectsTestData.GetJsonAsync(actors.StaffClient, $"/api/v1/needs?community={actors.Community.Code}&status=responded");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == needId);

        var other = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, [needId]);
        need = await _needs.LoadAsync(needId);
        Assert.Equal((NeedStatus.InProgress, (Guid?)other), (need.Status, need.ProjectId));
    }

    [Fact]
    public async Task Edit_PublishedProject_AddedNeedMovesInAtOnceRemovedNeedGoesBack()
    {
        var actors = await _needs.ActorsAsync();
        var kept = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var dropped = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var added = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var body = ProjectsTestData.Body(actors.Community, [kept, dropped]);
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, body: body);
        var asks = (await ProjectsTestData.GetJsonAsync(actors.StaffClient, $"/api/v1/projects/{id}")).GetProperty("asks").EnumerateArray()
            .Select(a => new { id = a.GetProperty("id").GetGuid(), kind = a.GetProperty("kind").GetString(), title = a.GetProperty("title").GetString(), hours = a.GetProperty("hours").ValueKind == JsonValueKind.Null ? (int?)null : a.GetProperty("hours").GetInt32(), yuan = a.GetProperty("yuan").GetInt64() })
            .ToArray();
        body["asks"] = asks;
        body["needIds"] = new[] { kept, added };

        var response = await actors.StaffClient.PutAsJsonAsync($"/api/v1/projects/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((NeedStatus.InProgress, (Guid?)id), ((await _needs.LoadAsync(kept)).Status, (await _needs.LoadAsync(kept)).ProjectId));
        Assert.Equal((NeedStatus.InProgress, (Guid?)id), ((await _needs.LoadAsync(added)).Status, (await _needs.LoadAsync(added)).ProjectId));
        Assert.Equal((NeedStatus.Responded, (Guid?)null), ((await _needs.LoadAsync(dropped)).Status, (await _needs.LoadAsync(dropped)).ProjectId));
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        var current = details.GetProperty("needs").EnumerateArray().Where(n => n.GetProperty("current").GetBoolean()).Select(n => n.GetProperty("id").GetGuid());
        Assert.Equal(new[] { kept, added }.Order(), current.Order());
    }

    public static TheoryData<ProjectStatus, string, string> IllegalMoves()
    {
        var legal = new HashSet<(ProjectStatus, string)>
        {
            (ProjectStatus.Draft, "publish"), (ProjectStatus.Recruiting, "start"), (ProjectStatus.Matched, "start"),
            (ProjectStatus.InProgress, "complete"), (ProjectStatus.Completed, "operate"),
            (ProjectStatus.Draft, "cancel"), (ProjectStatus.Recruiting, "cancel"), (ProjectStatus.Matched, "cancel"), (ProjectStatus.InProgress, "cancel"),
        };
        var refusals = new Dictionary<string, string>
        {
            ["publish"] = "只有草稿才能发布",
            ["start"] = "只有招募中或已对接的项目才能开始实施",
            ["complete"] = "只有实施中的项目才能完工",
            ["operate"] = "只有已完工的项目才能进入运营",
            ["cancel"] = "项目已经结束，不能取消",
        };
        var data = new TheoryData<ProjectStatus, string, string>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            foreach (var move in refusals.Keys.Where(m => !legal.Contains((status, m))))
            {
                data.Add(status, move, refusals[move]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task Move_Illegal_Is409WithChineseMessageAndChangesNothing(ProjectStatus from, string move, string refusal)
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, from, [needId]);
        var before = await _projects.LoadAsync(id);
        var need = await _needs.LoadAsync(needId);

        var response = await ProjectsTestData.PostMoveAsync(actors.StaffClient, id, move);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(refusal, (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        var after = await _projects.LoadAsync(id);
        Assert.Equal((before.Status, before.Version, before.Events.Count), (after.Status, after.Version, after.Events.Count));
        var needAfter = await _needs.LoadAsync(needId);
        Assert.Equal((need.Status, need.Version), (needAfter.Status, needAfter.Version));
    }

    [Fact]
    public async Task Publish_DraftWithoutAsks_Is409()
    {
        var actors = await _needs.ActorsAsync();
        var body = ProjectsTestData.Body(actors.Community);
        body["asks"] = Array.Empty<object>();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, body);

        var response = await ProjectsTestData.PostMoveAsync(actors.StaffClient, id, "publish");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("发布前请至少列出一项资源需求", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(ProjectStatus.Draft, (await _projects.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Draft_IsInvisibleToPublicAndOtherCommunitiesStaff_VisibleToItsStaff()
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var outsider = await factory.Data.StaffAsync(await factory.Data.CommunityAsync());
        var strangers = new[]
        {
            await factory.Data.ApiClientAsync(null),
            actors.RaiserClient,
            await factory.Data.ApiClientAsync(outsider),
        };

        foreach (var client in strangers)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        }

        foreach (var browser in new[] { await factory.Data.BrowserAsync(null), await factory.Data.BrowserAsync(actors.Raiser), await factory.Data.BrowserAsync(outsider) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/projects/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await actors.StaffClient.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        var colleague = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(actors.Community));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task CoverPhoto_OfDraftOnlyForItsStaff_PublicOncePublished()
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        using var content = new MultipartFormDataContent();
        var image = new ByteArrayContent(TestImages.Jpeg());
        image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(image, "cover", "cover.jpg");
        var set = await actors.StaffClient.PostAsync($"/api/v1/projects/{id}/cover", content);
        await ProjectsTestData.EnsureAsync(set, "cover");
        var photoId = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("coverPhotoId").GetGuid();
        var url = $"/projects/{id}/photos/{photoId}";
        using var visitor = await factory.Data.BrowserAsync(null);
        using var staff = await factory.Data.BrowserAsync(actors.Staff);

        Assert.Single(_projects.FilesOf(id));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url)).StatusCode);

        await ProjectsTestData.MoveAsync(actors.StaffClient, id, "publish");

        var response = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("publish", "publish")]
    [InlineData("complete", "cancel")]
    public async Task Move_TwoStaffAtOnce_OneWinsOtherGets409AndNeedsMoveOnce(string firstMove, string secondMove)
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, firstMove == "publish" ? ProjectStatus.Draft : ProjectStatus.InProgress, [needId]);
        var colleague = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(actors.Community));
        var needEvents = (await _needs.LoadAsync(needId)).Events.Count;
        var projectEvents = (await _projects.LoadAsync(id)).Events.Count;

        var responses = await Task.WhenAll(
            ProjectsTestData.PostMoveAsync(actors.StaffClient, id, firstMove),
            ProjectsTestData.PostMoveAsync(colleague, id, secondMove));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
        var project = await _projects.LoadAsync(id);
        Assert.Equal(projectEvents + 1, project.Events.Count);
        var need = await _needs.LoadAsync(needId);
        if (firstMove == "publish")
        {
            Assert.Equal(NeedStatus.InProgress, need.Status);
            Assert.Equal(needEvents + 1, need.Events.Count);
            Assert.Single(need.Events, e => e.Kind == NeedEventKind.LinkedToProject);
        }
        else
        {
            // Completing and cancelling exclude each other whichever comes first: the need is resolved or back in the queue, once.
            Assert.Equal(project.Status == ProjectStatus.Cancelled ? NeedStatus.Responded : NeedStatus.Resolved, need.Status);
            Assert.Equal(needEvents + 1, need.Events.Count);
        }
    }

    private static async Task<List<Note>> NotificationsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<Note>>("/api/v1/notifications"))!;

    private sealed record Note(long Id, string Text, string Link, DateTime CreatedAt, bool Read);
}

[Collection(SqliteLane.Name)]
public sealed class ProjectLifecycleApiTestsOnSqlite(SqliteAppFactory factory) : ProjectLifecycleApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectLifecycleApiTestsOnPostgres(PostgresAppFactory factory) : ProjectLifecycleApiTests(factory);
