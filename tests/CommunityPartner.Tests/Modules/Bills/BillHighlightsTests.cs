using System.Net;
using System.Net.Http.Json;
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
