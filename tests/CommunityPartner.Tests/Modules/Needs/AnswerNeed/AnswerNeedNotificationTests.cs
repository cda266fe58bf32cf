using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.AnswerNeed;

/// <summary>Each answering move tells the raiser and the supporters, never the staff member who made it.</summary>
public abstract class AnswerNeedNotificationTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Theory]
    [InlineData("respond", NeedStatus.Submitted, "社区已回应诉求“{0}”", "社区已回应诉求“{0}”")]
    [InlineData("start", NeedStatus.Responded, "诉求“{0}”已开始处理", "诉求“{0}”已开始处理")]
    [InlineData("resolve", NeedStatus.InProgress, "诉求“{0}”已解决，请评价", "诉求“{0}”已解决")]
    [InlineData("reject", NeedStatus.Submitted, "诉求“{0}”不予受理，请查看理由", "诉求“{0}”不予受理，请查看理由")]
    [InlineData("merge", NeedStatus.Responded, "诉求“{0}”已与相同诉求合并", "诉求“{0}”已与相同诉求合并")]
    public async Task Answer_EachMove_NotifiesRaiserAndSupportersButNotTheActingStaff(string move, NeedStatus from, string toRaiser, string toSupporters)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, from);
        var supporters = new[] { await factory.Data.UserAsync(actors.Community, "附议人甲"), await factory.Data.UserAsync(actors.Community, "附议人乙") };
        foreach (var supporter in supporters)
        {
            await NeedsTestData.SupportAsync(await factory.Data.ApiClientAsync(supporter), id);
        }

        // The acting staff member follows it too (supported it as a resident before joining the staff; staff can no
        // longer support their own community's needs): being a follower must not earn them a message about their own act.
        await _needs.QueryAsync(db =>
        {
            db.Add(new NeedSupport(id, actors.Staff.Id, DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        var colleague = await factory.Data.StaffAsync(actors.Community);
        var text = move == "merge" ? (await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community)).ToString() : "说明";
        var raiserBefore = await _needs.NotificationsAsync(actors.Raiser.Id, id);

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, move, text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([toRaiser], (await _needs.NotificationsAsync(actors.Raiser.Id, id)).Skip(raiserBefore.Count));
        foreach (var supporter in supporters)
        {
            Assert.Equal(toSupporters, Assert.Single(await _needs.NotificationsAsync(supporter.Id, id)));
        }

        Assert.Empty(await _needs.NotificationsAsync(actors.Staff.Id, id));
        Assert.Empty(await _needs.NotificationsAsync(colleague.Id, id));
    }

    [Fact]
    public async Task Respond_RaisersNotificationsApi_ShowsTheMessageWithTheTitleAndLink()
    {
        var actors = await _needs.ActorsAsync();
        var words = NeedWords.Plain();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted, words);

        await NeedsTestData.MoveAsync(actors.StaffClient, id, "respond", "收到");

        var raiserItems = await actors.RaiserClient.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var item = raiserItems.EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/needs/{id}");
        Assert.Equal($"社区已回应诉求“{words.Title}”", item.GetProperty("text").GetString());
        Assert.False(item.GetProperty("read").GetBoolean());
        var staffItems = await actors.StaffClient.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.DoesNotContain(staffItems.EnumerateArray(), n => n.GetProperty("link").GetString() == $"/needs/{id}");
    }

    [Fact]
    public async Task Answer_Refused_NotifiesNobody()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var supporter = await factory.Data.UserAsync(actors.Community, "附议人");
        await NeedsTestData.SupportAsync(await factory.Data.ApiClientAsync(supporter), id);

        var response = await NeedsTestData.PostMoveAsync(actors.StaffClient, id, "resolve", "还没回应就说解决了");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await _needs.NotificationsAsync(actors.Raiser.Id, id));
        Assert.Empty(await _needs.NotificationsAsync(supporter.Id, id));
    }
}

[Collection(SqliteLane.Name)]
public sealed class AnswerNeedNotificationTestsOnSqlite(SqliteAppFactory factory) : AnswerNeedNotificationTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AnswerNeedNotificationTestsOnPostgres(PostgresAppFactory factory) : AnswerNeedNotificationTests(factory);
