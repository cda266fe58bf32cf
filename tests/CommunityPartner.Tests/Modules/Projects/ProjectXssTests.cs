using System.Net.Http.Json;
using AngleSharp.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>Script and HTML typed by staff are shown as text on the project page and the list.</summary>
public abstract class ProjectXssTests(AppFactory factory)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Bold = "<b>x</b>";
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task ProjectPageAndList_ScriptInEveryStaffText_ShownAsText()
    {
        var actors = await _needs.ActorsAsync();
        var body = ProjectsTestData.Body(actors.Community);
        body["title"] = $"标题{Script}{Bold}";
        body["summary"] = $"简介{Script}{Bold}";
        body["description"] = $"说明{Script}{Bold}";
        body["address"] = $"地点{Script}{Bold}";
        body["upkeepPlan"] = $"运营{Script}{Bold}";
        body["asks"] = new object[]
        {
            new { kind = "funding", title = $"资金{Script}{Bold}", yuan = 100 },
            new { kind = "service", title = $"服务{Script}{Bold}", hours = 4, yuan = 100 },
        };
        var id = await _projects.ProjectAsync(actors.StaffClient, actors.Community, ProjectStatus.Recruiting, body: body);
        await ProjectsTestData.EnsureAsync(await actors.StaffClient.PostAsJsonAsync($"/api/v1/projects/{id}/updates", new { text = $"进展{Script}{Bold}" }), "update");
        await ProjectsTestData.MoveAsync(actors.StaffClient, id, "cancel", $"理由{Script}{Bold}");
        using var visitor = await factory.Data.BrowserAsync(null);
        using var staff = await factory.Data.BrowserAsync(actors.Staff);

        foreach (var viewer in new[] { visitor, staff })
        {
            var response = await viewer.GetAsync($"/projects/{id}");
            var html = await response.Content.ReadAsStringAsync();
            var page = await Html.ParseAsync(html);

            AssertShownAsText(page, html, $"标题{Script}{Bold}", $"简介{Script}{Bold}", $"说明{Script}{Bold}", $"地点{Script}{Bold}",
                $"运营{Script}{Bold}", $"资金{Script}{Bold}", $"服务{Script}{Bold}", $"进展{Script}{Bold}", $"理由{Script}{Bold}");
            Assert.Contains($"标题{Script}{Bold}", page.Title, StringComparison.Ordinal);
        }

        var list = await visitor.GetAsync($"/projects?community={actors.Community.Code}");
        var listHtml = await list.Content.ReadAsStringAsync();
        AssertShownAsText(await Html.ParseAsync(listHtml), listHtml, $"标题{Script}{Bold}", $"简介{Script}{Bold}");
    }

    private static void AssertShownAsText(IDocument page, string html, params string[] texts)
    {
        Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("b"), b => b.TextContent == "x");
        var main = page.QuerySelector("main")!.TextContent;
        foreach (var text in texts)
        {
            Assert.Contains(text, main, StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class ProjectXssTestsOnSqlite(SqliteAppFactory factory) : ProjectXssTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectXssTestsOnPostgres(PostgresAppFactory factory) : ProjectXssTests(factory);
