using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>POST /api/v1/needs/{id}/merge: the raiser and supporters of a duplicate are carried over to the need it joins.</summary>
public abstract class MergeNeedTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task Merge_SourceWithSupporters_CarriesRaiserAndSupportersOverWithoutDuplicates()
    {
        var actors = await _needs.ActorsAsync();
        var targetRaiser = await factory.Data.UserAsync(actors.Community, "另一位提出人");
        using var targetRaiserClient = await factory.Data.ApiClientAsync(targetRaiser);
        var both = await factory.Data.UserAsync(actors.Community, "两条都附议");
        using var bothClient = await factory.Data.ApiClientAsync(both);
        var sourceOnly = await factory.Data.UserAsync(actors.Community, "只附议重复的");
        var words = NeedWords.Plain();
        var source = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded, words);
        var target = await NeedsTestData.RaiseAsync(targetRaiserClient, actors.Community);
        await NeedsTestData.SupportAsync(bothClient, source);
        await NeedsTestData.SupportAsync(bothClient, target);
        await NeedsTestData.SupportAsync(await factory.Data.ApiClientAsync(sourceOnly), source);
        // The target's own raiser supported the duplicate; they cannot become a supporter of their own need.
        await NeedsTestData.SupportAsync(targetRaiserClient, source);

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, source, "merge", target.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("merged", target), (body.GetProperty("status").GetString(), body.GetProperty("mergedIntoId").GetGuid()));
        var supporters = await _needs.SupportersAsync(target);
        Assert.Equal(new[] { actors.Raiser.Id, both.Id, sourceOnly.Id }.Order(), supporters.Order());
        var merged = await _needs.LoadAsync(target);
        Assert.Equal(supporters.Count, merged.SupportCount);
        var mergedFrom = Assert.Single(merged.Events, e => e.Kind == NeedEventKind.MergedFrom);
        Assert.Equal(words.Title, mergedFrom.Text);
        Assert.Contains(await _needs.AuditOfAsync(target), a => a.Action == "needs.merged-from");
        var targetView = await actors.RaiserClient.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{target}");
        Assert.Equal(3, targetView.GetProperty("supportCount").GetInt32());
    }

    [Fact]
    public async Task Merge_IntoNeedOfAnotherCommunity_Returns409AndCarriesNothing()
    {
        var actors = await _needs.ActorsAsync();
        var source = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        await NeedsTestData.SupportAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "附议人")), source);
        var elsewhere = await _needs.ActorsAsync();
        var foreign = await NeedsTestData.NeedAsync(elsewhere, NeedStatus.Submitted);

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, source, "merge", foreign.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("只能合并到同一社区的诉求", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(source)).Status);
        Assert.Empty(await _needs.SupportersAsync(foreign));
        Assert.DoesNotContain((await _needs.LoadAsync(foreign)).Events, e => e.Kind == NeedEventKind.MergedFrom);
    }

    [Theory]
    [InlineData("itself", "不能把诉求合并到它自己")]
    [InlineData("resolved", "只能合并到仍在办理中的诉求")]
    [InlineData("merged", "只能合并到仍在办理中的诉求")]
    public async Task Merge_IntoItselfOrClosedNeed_Returns409(string into, string message)
    {
        var actors = await _needs.ActorsAsync();
        var source = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var target = into switch
        {
            "itself" => source,
            "resolved" => await NeedsTestData.NeedAsync(actors, NeedStatus.Resolved),
            _ => await NeedsTestData.NeedAsync(actors, NeedStatus.Merged),
        };

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, source, "merge", target.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(source)).Status);
    }

    [Fact]
    public async Task Merge_MissingOrUnknownTarget_Returns400()
    {
        var actors = await _needs.ActorsAsync();
        var source = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);

        var missing = await NeedsTestData.PostMoveAsync(actors.StaffClient, source, "merge", null);
        var unknown = await NeedsTestData.PostMoveAsync(actors.StaffClient, source, "merge", Guid.NewGuid().ToString());

        // The errors are keyed by the request's own field, so a client can show them next to it.
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingErrors = ProblemJson.Errors(await ProblemJson.ReadAsync(missing));
        Assert.Equal(["targetId"], missingErrors.Keys);
        Assert.Equal(["请填写要合并到的诉求编号"], missingErrors["targetId"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownErrors = ProblemJson.Errors(await ProblemJson.ReadAsync(unknown));
        Assert.Equal(["targetId"], unknownErrors.Keys);
        Assert.Equal(["没有找到要合并到的诉求"], unknownErrors["targetId"]);
        Assert.Equal(NeedStatus.Submitted, (await _needs.LoadAsync(source)).Status);
    }
}

[Collection(SqliteLane.Name)]
public sealed class MergeNeedTestsOnSqlite(SqliteAppFactory factory) : MergeNeedTests(factory);

[Collection(PostgresLane.Name)]
public sealed class MergeNeedTestsOnPostgres(PostgresAppFactory factory) : MergeNeedTests(factory);
