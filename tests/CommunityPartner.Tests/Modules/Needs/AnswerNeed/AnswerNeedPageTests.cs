using System.Net;
using AngleSharp.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>Staff answer from the need page's panel (/needs/{id}, handler Answer, button name=move).</summary>
public abstract class AnswerNeedPageTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task AnswerPage_Respond_RedirectsAndShowsTheAnswerOnTheTimeline()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await AnswerAsync(browser, id, "respond", "已联系物业，明早清运");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/needs/{id}", Responses.LocationPath(response));
        var page = await Html.GetAsync(browser, $"/needs/{id}");
        Assert.Equal("已回应", page.QuerySelector(".meta .status")!.TextContent.Trim());
        var last = page.QuerySelectorAll("ol.timeline li")[^1];
        Assert.Equal("社区回应", last.QuerySelector("strong")!.TextContent.Trim());
        Assert.Equal("已联系物业，明早清运", last.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal(["社区已回应诉求“{0}”"], await _needs.NotificationsAsync(actors.Raiser.Id, id));
        Assert.Contains(await _needs.AuditOfAsync(id), a => a.Action == "needs.respond" && a.ActorId == actors.Staff.Id);
    }

    [Fact]
    public async Task AnswerPage_Resolve_ShowsResolutionAndOffersNoMoreAnswerButtons()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.InProgress);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await AnswerAsync(browser, id, "resolve", "垃圾已清运，地面已冲洗");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(browser, $"/needs/{id}");
        Assert.Equal("已解决", page.QuerySelector(".meta .status")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("p.prewrap"), p => p.TextContent == "垃圾已清运，地面已冲洗");
        Assert.Null(page.QuerySelector("form[action*='handler=Answer']"));
        Assert.Contains("诉求“{0}”已解决，请评价", await _needs.NotificationsAsync(actors.Raiser.Id, id));
    }

    [Fact]
    public async Task AnswerPage_StalePageRespondAfterColleagueResponded_ShowsTheRefusal()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);
        var stale = await Html.GetAsync(browser, $"/needs/{id}");
        var colleague = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(actors.Community));
        await NeedsTestData.MoveAsync(colleague, id, "respond", "同事先回应了");

        var response = await PostAnswerFormAsync(browser, stale, id, "respond", "我也来回应");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("只有待回应的诉求才能回应", page.QuerySelector("[role=alert] p")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("ol.timeline li strong"), s => s.TextContent.Trim() == "社区回应");
        Assert.Single((await _needs.LoadAsync(id)).Events, e => e.Kind == NeedEventKind.Responded);
    }

    [Fact]
    public async Task AnswerPage_RespondWithoutText_ShowsFieldMessageAndKeepsStatus()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await AnswerAsync(browser, id, "respond", "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("请填写回应内容", page.QuerySelector("#Input_Text-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Input_Text")!.GetAttribute("aria-invalid"));
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task AnswerPage_MergeIntoNeedOfAnotherCommunity_ShowsTheRefusal()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var elsewhere = await _needs.ActorsAsync();
        var foreign = await NeedsTestData.NeedAsync(elsewhere, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await Html.SubmitFormAsync(browser, $"/needs/{id}",
            new Dictionary<string, string> { ["move"] = "merge", ["Input.TargetId"] = foreign.ToString() }, handler: "Answer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("只能合并到同一社区的诉求", (await Html.ParseAsync(response)).QuerySelector("[role=alert] p")!.TextContent.Trim());
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(id)).Status);
    }

    [Theory]
    [InlineData("", "请填写要合并到的诉求编号")]
    [InlineData("不是编号", "请填写要合并到的诉求编号")]
    [InlineData("unknown", "没有找到要合并到的诉求")]
    public async Task AnswerPage_MergeWithoutAValidTarget_ShowsTheMessageNextToTheTargetField(string target, string message)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await Html.SubmitFormAsync(browser, $"/needs/{id}",
            new Dictionary<string, string> { ["move"] = "merge", ["Input.TargetId"] = target == "unknown" ? Guid.NewGuid().ToString() : target }, handler: "Answer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Input_TargetId-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Input_TargetId")!.GetAttribute("aria-invalid"));
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(id)).Status);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient browser, Guid id, string move, string text) =>
        Html.SubmitFormAsync(browser, $"/needs/{id}", new Dictionary<string, string> { ["move"] = move, ["Input.Text"] = text }, handler: "Answer");

    /// <summary>Posts the Answer form of a page loaded earlier, as a browser tab left open would.</summary>
    private static async Task<HttpResponseMessage> PostAnswerFormAsync(HttpClient browser, IDocument page, Guid id, string move, string text)
    {
        var form = page.QuerySelector("form[action*='handler=Answer']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotNull(form.QuerySelector($"button[name=move][value={move}]"));
        return await browser.PostAsync(form.GetAttribute("action") ?? $"/needs/{id}?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["move"] = move,
            ["Input.Text"] = text,
        }));
    }
}

[Collection(SqliteLane.Name)]
public sealed class AnswerNeedPageTestsOnSqlite(SqliteAppFactory factory) : AnswerNeedPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AnswerNeedPageTestsOnPostgres(PostgresAppFactory factory) : AnswerNeedPageTests(factory);
