using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills.Dashboard;
using CommunityPartner.Web.Modules.Projects;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// Highlights: only projects completed in the period, with the cover as the before photo, the photos of the latest
/// update posted after completion as the after photos, and the needs they answered; and the period pickers.
/// </summary>
public abstract class BillHighlightsTests(AppFactory factory)
{
    private const string Period = BillsTestData.Period;
    private static readonly DateTime CompletedAt = new(2025, 5, 20, 2, 0, 0, DateTimeKind.Utc);
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task Bill_CompletedProjectInPeriod_ShownWithBeforeAfterPhotosAndAnsweredNeeds_OthersNot()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var done = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Completed, [needId], ProjectsTestData.Body(actors.Community, [needId], "小区路灯更新"));
        var later = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Completed, body: ProjectsTestData.Body(actors.Community, title: "八月完工的项目"));
        var running = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.InProgress, body: ProjectsTestData.Body(actors.Community, title: "还在施工的项目"));
        var (cover, beforeCompletion, after) = await PhotosAsync(done, actors.Staff.Id);
        await _projects.QueryAsync(async db =>
        {
            await db.Set<Project>().Where(p => p.Id == done).ExecuteUpdateAsync(u => u.SetProperty(p => p.CompletedAt, CompletedAt));
            return await db.Set<Project>().Where(p => p.Id == later).ExecuteUpdateAsync(u => u.SetProperty(p => p.CompletedAt, new DateTime(2025, 8, 2, 0, 0, 0, DateTimeKind.Utc)));
        });

        var staff = await factory.Data.BrowserAsync(actors.Staff);
        var draft = await Html.GetAsync(staff, $"/bills/draft?community={actors.Community.Code}&period={Period}");
        var published = await staff.PostAsJsonAsync("/api/v1/bills/publish", new { community = actors.Community.Code, period = Period });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var bill = await Html.GetAsync(factory.CreateClient(), $"/bills?community={actors.Community.Code}&period={Period}");

        foreach (var page in new[] { draft, bill })
        {
            var cards = page.QuerySelectorAll(".bill-highlight");
            var card = Assert.Single(cards);
            Assert.Equal($"/projects/{done}", card.QuerySelector("h3 a")!.GetAttribute("href"));
            var images = card.QuerySelectorAll("img").Select(i => (Src: i.GetAttribute("src")!, Alt: i.GetAttribute("alt")!)).ToList();
            Assert.Equal([$"/projects/{done}/photos/{cover}", .. after.Select(a => $"/projects/{done}/photos/{a}")], images.Select(i => i.Src));
            Assert.DoesNotContain(images, i => i.Src.Contains(beforeCompletion.ToString(), StringComparison.Ordinal));
            Assert.All(images, i => Assert.Contains("小区路灯更新", i.Alt, StringComparison.Ordinal));
            Assert.Equal($"/needs/{needId}", card.QuerySelector("a[href^='/needs/']")!.GetAttribute("href"));
            Assert.DoesNotContain("八月完工的项目", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("还在施工的项目", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(actors.Raiser.Phone, bill.Body!.InnerHtml, StringComparison.Ordinal);
        _ = running;
    }

    [Fact]
    public async Task Api_PublishedAndDraftBill_ReturnTheHighlightsWithPhotosAndAnsweredNeeds_NoPersonalData()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var done = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Completed, [needId], ProjectsTestData.Body(actors.Community, [needId], "小区路灯更新"));
        var later = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Completed, body: ProjectsTestData.Body(actors.Community, title: "八月完工的项目"));
        var (cover, _, after) = await PhotosAsync(done, actors.Staff.Id);
        await _projects.QueryAsync(async db =>
        {
            await db.Set<Project>().Where(p => p.Id == done).ExecuteUpdateAsync(u => u.SetProperty(p => p.CompletedAt, CompletedAt));
            return await db.Set<Project>().Where(p => p.Id == later).ExecuteUpdateAsync(u => u.SetProperty(p => p.CompletedAt, new DateTime(2025, 8, 2, 0, 0, 0, DateTimeKind.Utc)));
        });
        var query = $"community={actors.Community.Code}&period={Period}";

        var draft = await JsonAsync(actors.StaffClient, $"/api/v1/bills/draft?{query}");
        var published = await actors.StaffClient.PostAsJsonAsync("/api/v1/bills/publish", new { community = actors.Community.Code, period = Period });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var created = JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement;
        var anonymous = factory.CreateClient();
        var raw = await anonymous.GetStringAsync($"/api/v1/bills?{query}");
        var bill = JsonDocument.Parse(raw).RootElement;

        foreach (var body in new[] { draft, created, bill })
        {
            var highlight = Assert.Single(body.GetProperty("highlights").EnumerateArray());
            Assert.Equal(done, highlight.GetProperty("id").GetGuid());
            Assert.Equal("小区路灯更新", highlight.GetProperty("title").GetString());
            Assert.Equal($"/projects/{done}", highlight.GetProperty("link").GetString());
            Assert.Equal(CompletedAt, highlight.GetProperty("completedAt").GetDateTime().ToUniversalTime());
            Assert.Equal($"/projects/{done}/photos/{cover}", highlight.GetProperty("beforePhoto").GetString());
            Assert.Equal(after.Select(a => $"/projects/{done}/photos/{a}"), highlight.GetProperty("afterPhotos").EnumerateArray().Select(a => a.GetString()));
            var need = Assert.Single(highlight.GetProperty("needs").EnumerateArray());
            Assert.Equal(needId, need.GetProperty("id").GetGuid());
            Assert.Equal($"/needs/{needId}", need.GetProperty("link").GetString());
            Assert.False(string.IsNullOrEmpty(need.GetProperty("status").GetString()));
            Assert.Equal(
                ["id", "title", "status", "link"],
                need.EnumerateObject().Select(p => p.Name));
        }

        Assert.DoesNotContain(actors.Raiser.Phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(actors.Raiser.Name, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("八月完工的项目", raw, StringComparison.Ordinal);

        // The published version keeps its frozen projects: a project completed in the period afterwards is not added.
        var afterwards = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Completed, body: ProjectsTestData.Body(actors.Community, title: "发布后补录的项目"));
        await _projects.QueryAsync(db => db.Set<Project>().Where(p => p.Id == afterwards).ExecuteUpdateAsync(u => u.SetProperty(p => p.CompletedAt, CompletedAt)));
        var again = await JsonAsync(anonymous, $"/api/v1/bills?{query}");
        Assert.Equal([done], again.GetProperty("highlights").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        var live = await JsonAsync(actors.StaffClient, $"/api/v1/bills/draft?{query}");
        Assert.Equal(2, live.GetProperty("highlights").GetArrayLength());
    }

    [Fact]
    public async Task PeriodPicker_OlderPeriodNotInTheList_IsOfferedAndSelected()
    {
        var anonymous = factory.CreateClient();
        var bill = await Html.GetAsync(anonymous, "/bills?community=district&period=2021-03");
        Assert.Equal("2021-03", bill.QuerySelector("#period option[selected]")!.GetAttribute("value"));

        var admin = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var dashboard = await Html.GetAsync(admin, "/dashboard?period=2020-Q3");
        Assert.Equal("2020-Q3", dashboard.QuerySelector("#period option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public void TrendChart_TwelveMonths_AtMostFourLabelsWideApartAndTheLatestLabelled()
    {
        var labels = Enumerable.Range(1, 12).Select(m => $"2025-{m:00}").ToList();

        var shown = TrendChart.LabelledIndexes(labels.Count);

        Assert.Equal([2, 5, 8, 11], shown);
        Assert.Equal(Enumerable.Range(0, 5), TrendChart.LabelledIndexes(5));
        var svg = TrendChart.Svg("t", "趋势", "说明", labels, []);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(svg, ">2025-"));
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>A cover, an update before completion with one photo, an update after it with two: returns their photo ids.</summary>
    private Task<(Guid Cover, Guid BeforeCompletion, Guid[] After)> PhotosAsync(Guid projectId, Guid authorId) => _projects.QueryAsync(async db =>
    {
        var project = await db.Set<Project>().SingleAsync(p => p.Id == projectId);
        var cover = Guid.NewGuid();
        db.Add(new ProjectPhoto(cover, projectId, null, ProjectPhotoKind.Cover, "image/jpeg", 100, 800, 600, CompletedAt.AddDays(-40)));
        project.SetCover(cover);
        var early = new ProjectUpdate(Guid.NewGuid(), projectId, "施工中", authorId, CompletedAt.AddDays(-3));
        var late = new ProjectUpdate(Guid.NewGuid(), projectId, "完工了", authorId, CompletedAt.AddDays(2));
        db.AddRange(early, late);
        var beforeCompletion = Guid.NewGuid();
        db.Add(new ProjectPhoto(beforeCompletion, projectId, early.Id, ProjectPhotoKind.Update, "image/jpeg", 100, 800, 600, early.At));
        Guid[] after = [Guid.NewGuid(), Guid.NewGuid()];
        db.Add(new ProjectPhoto(after[0], projectId, late.Id, ProjectPhotoKind.Update, "image/jpeg", 100, 800, 600, late.At));
        db.Add(new ProjectPhoto(after[1], projectId, late.Id, ProjectPhotoKind.Update, "image/jpeg", 100, 800, 600, late.At.AddSeconds(1)));
        await db.SaveChangesAsync();
        return (cover, beforeCompletion, after);
    });
}

[Collection(SqliteLane.Name)]
public sealed class BillHighlightsTestsOnSqlite(SqliteAppFactory factory) : BillHighlightsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class BillHighlightsTestsOnPostgres(PostgresAppFactory factory) : BillHighlightsTests(factory);
