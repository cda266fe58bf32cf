using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>Two staff of the same community answering one need at the same moment: one wins, the other gets 409.</summary>
public abstract class AnswerNeedConcurrencyTests(AppFactory factory)
{
    private const int Rounds = 3;
    private readonly NeedsTestData _needs = new(factory);

    [Theory]
    [InlineData("respond", NeedStatus.Submitted, NeedEventKind.Responded)]
    [InlineData("resolve", NeedStatus.Responded, NeedEventKind.Resolved)]
    [InlineData("resolve", NeedStatus.InProgress, NeedEventKind.Resolved)]
    public async Task Answer_TwoStaffInParallel_OneGets200TheOther409AndOneTimelineEntry(string move, NeedStatus from, NeedEventKind kind)
    {
        var actors = await _needs.ActorsAsync();
        var colleague = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(actors.Community));

        // Several rounds, so the requests really overlap in at least some of them rather than running one after the other.
        for (var round = 0; round < Rounds; round++)
        {
            var id = await NeedsTestData.NeedAsync(actors, from);
            var before = await _needs.LoadAsync(id);

            var responses = await Task.WhenAll(
                NeedsTestData.PostMoveAsync(actors.StaffClient, id, move, "甲的答复"),
                NeedsTestData.PostMoveAsync(colleague, id, move, "乙的答复"));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.False(string.IsNullOrWhiteSpace((await ProblemJson.ReadAsync(loser)).GetProperty("detail").GetString()));
            var after = await _needs.LoadAsync(id);
            Assert.Equal(before.Events.Count(e => e.Kind == kind) + 1, after.Events.Count(e => e.Kind == kind));
            Assert.Equal(before.Version + 1, after.Version);
            Assert.Single(await _needs.AuditOfAsync(id), a => a.Action == $"needs.{move}");
            Assert.Single(await _needs.NotificationsAsync(actors.Raiser.Id, id), n => n.Contains(move == "respond" ? "回应" : "已解决", StringComparison.Ordinal));
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class AnswerNeedConcurrencyTestsOnSqlite(SqliteAppFactory factory) : AnswerNeedConcurrencyTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AnswerNeedConcurrencyTestsOnPostgres(PostgresAppFactory factory) : AnswerNeedConcurrencyTests(factory);
