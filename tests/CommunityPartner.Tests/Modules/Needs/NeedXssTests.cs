using AngleSharp.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs;

/// <summary>Script and HTML typed by residents and staff are shown as text on every page that shows them.</summary>
public abstract class NeedXssTests(AppFactory factory)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Bold = "<b>x</b>";
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task NeedPage_ScriptInEveryResidentAndStaffText_ShownAsText()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community, Hostile("标题"));
        await NeedsTestData.MoveAsync(actors.StaffClient, id, "respond", $"回应{Script}{Bold}");
        await NeedsTestData.MoveAsync(actors.StaffClient, id, "resolve", $"结果{Script}{Bold}");
        await NeedsTestData.RateAsync(actors.RaiserClient, id, "dissatisfied", $"评价{Script}{Bold}");
        using var visitor = await factory.Data.BrowserAsync(null);
        using var staff = await factory.Data.BrowserAsync(actors.Staff);

        foreach (var viewer in new[] { visitor, staff })
        {
            var response = await viewer.GetAsync($"/needs/{id}");
            var html = await response.Content.ReadAsStringAsync();
            var page = await Html.ParseAsync(html);

            AssertShownAsText(page, html, $"标题{Script}{Bold}", $"描述{Script}{Bold}", $"地点{Script}{Bold}",
                $"回应{Script}{Bold}", $"结果{Script}{Bold}", $"评价{Script}{Bold}");
            Assert.Contains($"标题{Script}{Bold}", page.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NeedPage_ScriptInRejectionReason_ShownAsText()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community, Hostile("拒绝"));
        await NeedsTestData.MoveAsync(actors.StaffClient, id, "reject", $"理由{Script}{Bold}");
        using var raiser = await factory.Data.BrowserAsync(actors.Raiser);

        var response = await raiser.GetAsync($"/needs/{id}");
        var html = await response.Content.ReadAsStringAsync();

        AssertShownAsText(await Html.ParseAsync(html), html, $"理由{Script}{Bold}", $"拒绝{Script}{Bold}");
    }

    [Fact]
    public async Task ListPage_ScriptInTitle_ShownAsText()
    {
        var actors = await _needs.ActorsAsync();
        await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community, Hostile("清单"));
        using var visitor = await factory.Data.BrowserAsync(null);

        var response = await visitor.GetAsync($"/needs?community={actors.Community.Code}");
        var html = await response.Content.ReadAsStringAsync();

        var page = await Html.ParseAsync(html);
        AssertShownAsText(page, html, $"清单{Script}{Bold}");
        Assert.Contains(page.QuerySelectorAll("ul.needs a strong"), s => s.TextContent == $"清单{Script}{Bold}");
    }

    [Fact]
    public async Task NotificationsPage_ScriptInTitle_ShownAsText()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted, Hostile("消息"));
        await NeedsTestData.MoveAsync(actors.StaffClient, id, "reject", $"理由{Script}");
        using var raiser = await factory.Data.BrowserAsync(actors.Raiser);

        var response = await raiser.GetAsync("/notifications");
        var html = await response.Content.ReadAsStringAsync();

        var page = await Html.ParseAsync(html);
        AssertShownAsText(page, html, $"诉求“消息{Script}{Bold}”不予受理，请查看理由");
    }

    private static NeedWords Hostile(string tag) => new($"{tag}{Script}{Bold}", $"描述{Script}{Bold}", $"地点{Script}{Bold}");

    /// <summary>No injected element exists in the parsed page, and the main content reads the literal text.</summary>
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
public sealed class NeedXssTestsOnSqlite(SqliteAppFactory factory) : NeedXssTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedXssTestsOnPostgres(PostgresAppFactory factory) : NeedXssTests(factory);
