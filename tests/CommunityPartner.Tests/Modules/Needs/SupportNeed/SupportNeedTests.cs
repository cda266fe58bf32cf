using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Needs.SupportNeed;

/// <summary>POST /api/v1/needs/{id}/supports: once per resident, idempotent, enforced by the database under parallel requests.</summary>
public abstract class SupportNeedTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task Support_FirstThenRepeat_Returns201Then200WithCountOne()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var neighbour = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "邻居"));

        var first = await neighbour.PostAsync($"/api/v1/needs/{id}/supports", null);
        var repeat = await neighbour.PostAsync($"/api/v1/needs/{id}/supports", null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeatBody = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((true, 1), (firstBody.GetProperty("created").GetBoolean(), firstBody.GetProperty("supportCount").GetInt32()));
        Assert.Equal((false, 1), (repeatBody.GetProperty("created").GetBoolean(), repeatBody.GetProperty("supportCount").GetInt32()));
        Assert.Single(await _needs.SupportersAsync(id));
        var need = await actors.RaiserClient.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{id}");
        Assert.Equal(1, need.GetProperty("supportCount").GetInt32());
    }

    [Fact]
    public async Task Support_TwoResidents_CountsBoth()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.InProgress);

        for (var i = 0; i < 2; i++)
        {
            await NeedsTestData.SupportAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, $"邻居{i}")), id);
        }

        Assert.Equal(2, (await _needs.LoadAsync(id)).SupportCount);
        Assert.Equal(2, (await _needs.SupportersAsync(id)).Count);
    }

    [Fact]
    public async Task Support_OwnNeed_Returns409AndStoresNothing()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);

        var response = await actors.RaiserClient.PostAsync($"/api/v1/needs/{id}/supports", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("不能附议自己提出的诉求", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Empty(await _needs.SupportersAsync(id));
        Assert.Equal(0, (await _needs.LoadAsync(id)).SupportCount);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("admin")]
    public async Task Support_ByThoseWhoAnswerTheNeed_Returns409AndStoresNothing(string who)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Responded);
        using var answerer = who == "staff" ? actors.StaffClient : await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await answerer.PostAsync($"/api/v1/needs/{id}/supports", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("负责办理这条诉求的工作人员不能附议它", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Empty(await _needs.SupportersAsync(id));
        Assert.Equal(0, (await _needs.LoadAsync(id)).SupportCount);
    }

    [Fact]
    public async Task Support_StaffOfAnotherCommunity_CountsLikeAnyResident()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var elsewhere = await _needs.ActorsAsync();

        var response = await elsewhere.StaffClient.PostAsync($"/api/v1/needs/{id}/supports", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([elsewhere.Staff.Id], await _needs.SupportersAsync(id));
    }

    [Fact]
    public async Task Support_InEnglish_RefusalToStaffIsTranslated()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/needs/{id}/supports");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await actors.StaffClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Staff who handle this need cannot support it", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(NeedStatus.Resolved)]
    [InlineData(NeedStatus.Rated)]
    [InlineData(NeedStatus.Rejected)]
    [InlineData(NeedStatus.Merged)]
    public async Task Support_ClosedNeed_Returns409AndStoresNothing(NeedStatus status)
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, status);
        using var neighbour = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(actors.Community, "邻居"));

        var response = await neighbour.PostAsync($"/api/v1/needs/{id}/supports", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("这条诉求已经办结，不能再附议", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Empty(await _needs.SupportersAsync(id));
    }

    [Fact]
    public async Task Support_AnonymousOrUnknownNeed_Returns401Or404()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        using var anonymous = await factory.Data.ApiClientAsync(null);

        var unsigned = await anonymous.PostAsync($"/api/v1/needs/{id}/supports", null);
        var unknown = await actors.StaffClient.PostAsync($"/api/v1/needs/{Guid.NewGuid()}/supports", null);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await _needs.SupportersAsync(id));
    }

    [Fact]
    public async Task Support_TwentyParallelRequestsByOneResident_StoreExactlyOneSupport()
    {
        var actors = await _needs.ActorsAsync();
        var id = await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var resident = await factory.Data.UserAsync(actors.Community, "着急的居民");
        using var client = await factory.Data.ApiClientAsync(resident);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync($"/api/v1/needs/{id}/supports", null)));

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.Created or HttpStatusCode.OK, $"unexpected {c}"));
        Assert.Single(codes, HttpStatusCode.Created);
        foreach (var response in responses)
        {
            Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportCount").GetInt32());
        }

        Assert.Equal([resident.Id], await _needs.SupportersAsync(id));
        Assert.Equal(1, (await _needs.LoadAsync(id)).SupportCount);
        Assert.Equal(1, await _needs.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "needs.support" && a.EntityId == id.ToString())));
    }
}

[Collection(SqliteLane.Name)]
public sealed class SupportNeedTestsOnSqlite(SqliteAppFactory factory) : SupportNeedTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SupportNeedTestsOnPostgres(PostgresAppFactory factory) : SupportNeedTests(factory);
