using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>Only staff of the need's own community answer it: everyone else is refused on every answering endpoint.</summary>
public abstract class AnswerNeedAccessTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    public static TheoryData<string, string, HttpStatusCode> OutsidersOnEveryMove()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var move in new[] { "respond", "start", "resolve", "reject", "merge" })
        {
            data.Add(move, "staff-of-another-community", HttpStatusCode.Forbidden);
            data.Add(move, "resident", HttpStatusCode.Forbidden);
            data.Add(move, "raiser", HttpStatusCode.Forbidden);
            data.Add(move, "anonymous", HttpStatusCode.Unauthorized);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutsidersOnEveryMove))]
    public async Task Answer_ByOutsider_IsRefusedAndChangesNothing(string move, string who, HttpStatusCode expected)
    {
        var actors = await _needs.ActorsAsync();
        // A state where the move would be legal for the right staff, so only the actor is wrong.
        var id = await NeedsTestData.NeedAsync(actors, move == "resolve" ? NeedStatus.Responded : NeedStatus.Submitted);
        var text = move == "merge" ? (await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community)).ToString() : "越权办理";
        var before = await _needs.LoadAsync(id);
        var told = await _needs.NotificationsAsync(actors.Raiser.Id, id);
        using var client = await ClientOfAsync(who, actors);

        var response = await NeedsTestData.PostMoveAsync(client, id, move, text);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, (await ProblemJson.ReadAsync(response)).GetProperty("status").GetInt32());
        var after = await _needs.LoadAsync(id);
        Assert.Equal((before.Status, before.Version, before.Events.Count), (after.Status, after.Version, after.Events.Count));
        Assert.DoesNotContain(await _needs.AuditOfAsync(id), a => a.Action == $"needs.{move}");
        Assert.Equal(told, await _needs.NotificationsAsync(actors.Raiser.Id, id));
    }

    [Fact]
    public async Task AnswerPage_StaffOfAnotherCommunity_SeesNoPanelAndDirectPostIsForbidden()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var outsider = await factory.Data.StaffAsync(await factory.Data.CommunityAsync());
        using var browser = await factory.Data.BrowserAsync(outsider);

        var page = await Html.GetAsync(browser, $"/needs/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Answer']"));
        Assert.Null(page.QuerySelector("#answer-heading"));

        // The support form carries a valid antiforgery token for this browser; reuse it to forge the answer post.
        var response = await PostAnswerAsync(browser, page, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", Responses.LocationPath(response));
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(id)).Status);
    }

    private static async Task<HttpResponseMessage> PostAnswerAsync(HttpClient browser, AngleSharp.Dom.IDocument page, Guid id)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostAsync($"/needs/{id}?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["move"] = "respond",
            ["Input.Text"] = "越权回应",
        }));
    }

    private async Task<HttpClient> ClientOfAsync(string who, NeedActors actors) => who switch
    {
        "staff-of-another-community" => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync())),
        "resident" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "同社区居民")),
        "raiser" => await factory.Data.ApiClientAsync(actors.Raiser),
        _ => await factory.Data.ApiClientAsync(null),
    };
}

[Collection(SqliteLane.Name)]
public sealed class AnswerNeedAccessTestsOnSqlite(SqliteAppFactory factory) : AnswerNeedAccessTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AnswerNeedAccessTestsOnPostgres(PostgresAppFactory factory) : AnswerNeedAccessTests(factory);
