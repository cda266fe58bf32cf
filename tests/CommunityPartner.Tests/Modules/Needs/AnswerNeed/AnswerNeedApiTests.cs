using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>POST /api/v1/needs/{id}/respond|start|resolve|reject|merge from every state, by the community's staff.</summary>
public abstract class AnswerNeedApiTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    /// <summary>Legal (state, move) → (new status, timeline entry kind), as issue 3 defines the lifecycle.</summary>
    private static readonly Dictionary<(NeedStatus, string), (string Status, string Kind)> Legal = new()
    {
        [(NeedStatus.Submitted, "respond")] = ("responded", "Responded"),
        [(NeedStatus.Submitted, "start")] = ("in_progress", "Started"),
        [(NeedStatus.Responded, "start")] = ("in_progress", "Started"),
        [(NeedStatus.Responded, "resolve")] = ("resolved", "Resolved"),
        [(NeedStatus.InProgress, "resolve")] = ("resolved", "Resolved"),
        [(NeedStatus.Submitted, "reject")] = ("rejected", "Rejected"),
        [(NeedStatus.Responded, "reject")] = ("rejected", "Rejected"),
        [(NeedStatus.InProgress, "reject")] = ("rejected", "Rejected"),
        [(NeedStatus.Submitted, "merge")] = ("merged", "Merged"),
        [(NeedStatus.Responded, "merge")] = ("merged", "Merged"),
        [(NeedStatus.InProgress, "merge")] = ("merged", "Merged"),
    };

    private static readonly Dictionary<string, string> Refusals = new()
    {
        ["respond"] = "只有待回应的诉求才能回应",
        ["start"] = "只有待回应或已回应的诉求才能开始处理",
        ["resolve"] = "只有已回应或处理中的诉求才能标记为已解决",
        ["reject"] = "这条诉求已经办结，不能再不予受理",
        ["merge"] = "这条诉求已经办结，不能合并",
    };

    public static TheoryData<NeedStatus, string> EveryStateAndMove()
    {
        var data = new TheoryData<NeedStatus, string>();
        foreach (var status in Enum.GetValues<NeedStatus>())
        {
            foreach (var move in Refusals.Keys)
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public async Task Answer_FromEveryState_LegalIs200WithTimelineEntryIllegalIs409Unchanged(NeedStatus from, string move)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, from);
        var text = move == "merge" ? (await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community)).ToString() : $"{move} 的说明";
        var before = await _needs.LoadAsync(id);
        var auditBefore = (await _needs.AuditOfAsync(id)).Count(a => a.Action == $"needs.{move}");

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, move, text);

        var after = await _needs.LoadAsync(id);
        var audit = (await _needs.AuditOfAsync(id)).Where(a => a.Action == $"needs.{move}").ToList();
        if (Legal.TryGetValue((from, move), out var expected))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(expected.Status, body.GetProperty("status").GetString());
            var entry = body.GetProperty("timeline").EnumerateArray().Last();
            Assert.Equal(expected.Kind, entry.GetProperty("kind").GetString());
            Assert.Equal(actors.Community.Name, entry.GetProperty("actor").GetString());
            if (move != "merge")
            {
                Assert.Equal(text, entry.GetProperty("text").GetString());
            }

            Assert.Equal(before.Events.Count + 1, after.Events.Count);
            Assert.Equal(before.Version + 1, after.Version);
            var written = Assert.Single(audit.Skip(auditBefore));
            Assert.Equal((actors.Staff.Id, actors.Community.Id), (written.ActorId, written.CommunityId));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await ProblemJson.ReadAsync(response);
            Assert.Equal(Refusals[move], problem.GetProperty("detail").GetString());
            Assert.Equal((before.Status, before.Version, before.Events.Count), (after.Status, after.Version, after.Events.Count));
            Assert.Equal(auditBefore, audit.Count);
        }
    }

    [Theory]
    [InlineData("respond", NeedStatus.Submitted, "请填写回应内容")]
    [InlineData("resolve", NeedStatus.InProgress, "请说明做了什么、结果如何")]
    [InlineData("reject", NeedStatus.Responded, "请填写不予受理的理由，居民会看到")]
    public async Task Answer_MissingOrBlankText_Returns400AndChangesNothing(string move, NeedStatus from, string message)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, from);

        foreach (var text in new[] { null, "", "   " })
        {
            var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, move, text);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([message], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["text"]);
        }

        var noBody = await actors.StaffClient.PostAsync($"/api/v1/needs/{id}/{move}", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(from, (await _needs.LoadAsync(id)).Status);
        Assert.DoesNotContain(await _needs.AuditOfAsync(id), a => a.Action == $"needs.{move}");
    }

    [Fact]
    public async Task Answer_TextOver1000Characters_Returns400()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);

        var tooLong = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, "respond", new string('回', Need.AnswerMax + 1));
        var longest = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, "respond", new string('回', Need.AnswerMax));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["回复不能超过 1000 个字"], ProblemJson.Errors(await ProblemJson.ReadAsync(tooLong))["text"]);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task Start_WithoutText_IsAllowedAndLeavesTheEntryTextEmpty()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded);

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, "start", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Started", entry.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task Answer_UnknownNeed_Returns404()
    {
        var actors = await _needs.ActorsAsync();

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, Guid.NewGuid(), "respond", "收到");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("未找到这条诉求", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Answer_ByDistrictAdmin_IsAllowedInAnyCommunity()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var admin = await factory.Data.AdminAsync();
        using var adminClient = await factory.Data.ApiClientAsync(admin);

        var response = await NeedsTestData.PostMoveAsync(adminClient, id, "respond", "新区已督办");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NeedStatus.Responded, (await _needs.LoadAsync(id)).Status);
    }
}

[Collection(SqliteLane.Name)]
public sealed class AnswerNeedApiTestsOnSqlite(SqliteAppFactory factory) : AnswerNeedApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AnswerNeedApiTestsOnPostgres(PostgresAppFactory factory) : AnswerNeedApiTests(factory);
