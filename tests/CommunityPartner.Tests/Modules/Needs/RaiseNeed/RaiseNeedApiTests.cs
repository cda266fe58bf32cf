using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Needs.RaiseNeed;

/// <summary>POST /api/v1/needs: a resident raises a need; staff record one on a resident's behalf; nobody else may.</summary>
public abstract class RaiseNeedApiTests(AppFactory factory)
{
    private readonly NeedFactory _needs = new(factory);

    [Fact]
    public async Task Raise_JsonAsResident_Returns201WithSubmittedNeedDeadlinesTimelineAndAudit()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, "王大妈");
        var client = await factory.Data.ApiClientAsync(resident);
        var before = await _needs.CountNeedsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/needs", NeedFactory.Body(community, "3 栋楼下垃圾房破旧发臭"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await NeedFactory.JsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/needs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("submitted", json.GetProperty("status").GetString());
        Assert.Equal(community.Code, json.GetProperty("communityCode").GetString());
        Assert.Equal("sanitation", json.GetProperty("categoryCode").GetString());
        var timeline = json.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal("Submitted", Assert.Single(timeline).GetProperty("kind").GetString());

        Assert.Equal(before + 1, await _needs.CountNeedsAsync());
        var need = await _needs.LoadAsync(id);
        var category = await _needs.CategoryAsync("sanitation");
        Assert.Equal(NeedStatus.Submitted, need.Status);
        Assert.Equal(NeedChannel.Web, need.Channel);
        Assert.Equal(resident.Id, need.RaiserId);
        Assert.Null(need.RecordedById);
        Assert.Equal("3 栋楼下垃圾房破旧发臭", need.Title);
        Assert.Equal(need.SubmittedAt.AddHours(category.ResponseHours), need.RespondBy);
        Assert.Equal(need.SubmittedAt.AddDays(category.ResolutionDays), need.ResolveBy);
        var submitted = Assert.Single(need.Events);
        Assert.Equal(NeedEventKind.Submitted, submitted.Kind);
        Assert.Equal(resident.Id, submitted.ActorId);
        var audit = Assert.Single(await _needs.AuditAsync("needs.raise", id));
        Assert.Equal(resident.Id, audit.ActorId);
        Assert.Equal(community.Id, audit.CommunityId);
    }

    [Fact]
    public async Task Raise_MultipartAsResident_Returns201AndStoresPointAndNameChoice()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community);
        var client = await factory.Data.ApiClientAsync(resident);
        var fields = new Dictionary<string, string>
        {
            ["communityCode"] = community.Code,
            ["categoryCode"] = "parking-traffic",
            ["title"] = "小区门口乱停车堵住消防通道",
            ["description"] = NeedFactory.Description,
            ["address"] = "南门",
            ["latitude"] = "31.2304",
            ["longitude"] = "121.4737",
            ["showRaiserName"] = "true",
        };

        var response = await client.PostAsync("/api/v1/needs", MultipartForms.Build(fields, []));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var need = await _needs.LoadAsync((await NeedFactory.JsonAsync(response)).GetProperty("id").GetGuid());
        Assert.Equal(NeedStatus.Submitted, need.Status);
        Assert.Equal((await _needs.CategoryAsync("parking-traffic")).Id, need.CategoryId);
        Assert.Equal(31.2304, need.Latitude);
        Assert.Equal(121.4737, need.Longitude);
        Assert.True(need.ShowRaiserName);
        Assert.Equal(resident.Id, need.RaiserId);
    }

    [Theory]
    [InlineData("hotline", NeedChannel.Hotline)]
    [InlineData("walk_in", NeedChannel.WalkIn)]
    [InlineData("grid_worker", NeedChannel.GridWorker)]
    public async Task Raise_StaffOnBehalfOfRegisteredResident_RecordsChannelStaffAndRaiser(string channel, NeedChannel expected)
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, "赵大爷");
        var staff = await factory.Data.StaffAsync(community);
        var client = await factory.Data.ApiClientAsync(staff);
        var body = NeedFactory.Body(community, "楼道灯坏了一个月");
        body["channel"] = channel;
        body["onBehalfOfPhone"] = resident.Phone;

        var response = await client.PostAsJsonAsync("/api/v1/needs", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var need = await _needs.LoadAsync((await NeedFactory.JsonAsync(response)).GetProperty("id").GetGuid());
        Assert.Equal(expected, need.Channel);
        Assert.Equal(staff.Id, need.RecordedById);
        Assert.Equal(resident.Id, need.RaiserId);
        Assert.Equal(staff.Id, Assert.Single(need.Events).ActorId);
    }

    [Fact]
    public async Task Raise_StaffOnBehalfWithoutPhone_RecordsNeedWithoutRaiser()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var client = await factory.Data.ApiClientAsync(staff);
        var body = NeedFactory.Body(community, "居民来电：电梯经常停运");
        body["channel"] = "hotline";

        var response = await client.PostAsJsonAsync("/api/v1/needs", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var need = await _needs.LoadAsync((await NeedFactory.JsonAsync(response)).GetProperty("id").GetGuid());
        Assert.Equal(NeedChannel.Hotline, need.Channel);
        Assert.Equal(staff.Id, need.RecordedById);
        Assert.Null(need.RaiserId);
    }

    [Fact]
    public async Task Raise_ResidentClaimingHotline_Returns403AndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var body = NeedFactory.Body(community, "冒充热线登记");
        body["channel"] = "hotline";
        var before = await _needs.CountNeedsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/needs", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ProblemJson.ReadAsync(response);
        Assert.Equal(before, await _needs.CountNeedsAsync());
    }

    [Fact]
    public async Task Raise_StaffOfAnotherCommunityOnBehalf_Returns403AndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var other = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(other));
        var body = NeedFactory.Body(community, "别的社区代登记");
        body["channel"] = "walk_in";
        var before = await _needs.CountNeedsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/needs", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ProblemJson.ReadAsync(response);
        Assert.Equal(before, await _needs.CountNeedsAsync());
    }

    [Fact]
    public async Task Raise_UnknownChannel_Returns400WithChannelKey()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community));
        var body = NeedFactory.Body(community, "未知渠道");
        body["channel"] = "fax";
        var before = await _needs.CountNeedsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/needs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel", ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(before, await _needs.CountNeedsAsync());
    }

    [Fact]
    public async Task Raise_Anonymous_Returns401AndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(null);
        var before = await _needs.CountNeedsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/needs", NeedFactory.Body(community, "匿名提交"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await _needs.CountNeedsAsync());
    }
}

[Collection(SqliteLane.Name)]
public sealed class RaiseNeedApiTestsOnSqlite(SqliteAppFactory factory) : RaiseNeedApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RaiseNeedApiTestsOnPostgres(PostgresAppFactory factory) : RaiseNeedApiTests(factory);
