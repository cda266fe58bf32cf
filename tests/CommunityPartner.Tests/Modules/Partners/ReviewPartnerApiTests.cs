using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>The district admin reviews; members hear of it; the public sees verified partners only, with a masked phone.</summary>
public abstract class ReviewPartnerApiTests(AppFactory factory)
{
    private readonly PartnersTestData _partners = new(factory);

    private sealed record Setup(CommunityRef Community, UserRef Member, HttpClient MemberClient, HttpClient AdminClient, Guid Id, Dictionary<string, object?> Body);

    private async Task<Setup> PendingAsync(string type = "enterprise", CommunityRef? community = null)
    {
        community ??= await factory.Data.CommunityAsync();
        var member = await factory.Data.UserAsync(community);
        var memberClient = await factory.Data.ApiClientAsync(member);
        var body = PartnersTestData.Body(community, type);
        var id = await PartnersTestData.RegisterAsync(memberClient, body);
        return new Setup(community, member, memberClient, await factory.Data.ApiClientAsync(await factory.Data.AdminAsync()), id, body);
    }

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, Guid id, string move, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/partners/{id}/{move}", new { reason });

    [Theory]
    [InlineData("staff", "verify")]
    [InlineData("staff", "reject")]
    [InlineData("resident", "verify")]
    [InlineData("member", "verify")]
    public async Task Review_NotDistrictAdmin_Is403AndChangesNothing(string who, string move)
    {
        var setup = await PendingAsync();
        using var client = who switch
        {
            "staff" => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(setup.Community)),
            "resident" => await factory.Data.ApiClientAsync(await factory.Data.UserAsync(setup.Community)),
            _ => setup.MemberClient,
        };

        var response = await ReviewAsync(client, setup.Id, move, "不行");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var partner = await _partners.LoadAsync(setup.Id);
        Assert.Equal((PartnerStatus.Pending, 0), (partner.Status, partner.Version));
    }

    [Fact]
    public async Task Review_Anonymous_Is401()
    {
        var setup = await PendingAsync();
        using var client = await factory.Data.ApiClientAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReviewAsync(client, setup.Id, "verify")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Reject_WithoutReason_Is400OnReasonAndChangesNothing(string? reason)
    {
        var setup = await PendingAsync();

        var response = await ReviewAsync(setup.AdminClient, setup.Id, "reject", reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["请填写不通过的理由，合伙人会看到"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["reason"]);
        Assert.Equal(PartnerStatus.Pending, (await _partners.LoadAsync(setup.Id)).Status);
    }

    [Fact]
    public async Task Reject_ReasonTooLong_Is400OnReason()
    {
        var setup = await PendingAsync();

        var response = await ReviewAsync(setup.AdminClient, setup.Id, "reject", new string('理', Partner.ReasonMax + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    [Fact]
    public async Task Verify_Twice_Is409()
    {
        var setup = await PendingAsync();
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(setup.AdminClient, setup.Id, "verify")).StatusCode);

        var again = await ReviewAsync(setup.AdminClient, setup.Id, "verify");
        var reject = await ReviewAsync(setup.AdminClient, setup.Id, "reject", "改主意了");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        Assert.Equal(PartnerStatus.Verified, (await _partners.LoadAsync(setup.Id)).Status);
    }

    [Fact]
    public async Task Review_UnknownPartner_Is404()
    {
        var setup = await PendingAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await ReviewAsync(setup.AdminClient, Guid.NewGuid(), "verify")).StatusCode);
    }

    [Fact]
    public async Task Verify_MembersAreNotifiedAndItIsAudited()
    {
        var setup = await PendingAsync();

        var response = await ReviewAsync(setup.AdminClient, setup.Id, "verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("verified", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var items = await setup.MemberClient.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var item = items.EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/partners/{setup.Id}");
        Assert.Equal($"合伙人“{setup.Body["name"]}”已通过认证", item.GetProperty("text").GetString());
        Assert.Contains(await _partners.AuditOfAsync(setup.Id), a => a.Action == "partners.verify");
    }

    [Fact]
    public async Task Reject_MemberIsNotifiedAndReadsTheReason_PublicDoesNot()
    {
        var setup = await PendingAsync();

        var response = await ReviewAsync(setup.AdminClient, setup.Id, "reject", "营业执照照片看不清");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await setup.MemberClient.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var item = items.EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/partners/{setup.Id}");
        Assert.Equal($"合伙人“{setup.Body["name"]}”未通过审核，请查看理由并修改", item.GetProperty("text").GetString());
        var seen = await setup.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{setup.Id}");
        Assert.Equal(("rejected", "营业执照照片看不清"), (seen.GetProperty("status").GetString(), seen.GetProperty("rejectReason").GetString()));
        using var anonymous = await factory.Data.ApiClientAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/partners/{setup.Id}")).StatusCode);
    }

    [Fact]
    public async Task Get_ByAdmin_ShowsFullContactAndLogsThePersonalDataRead_ByMember_DoesNotLog()
    {
        var setup = await PendingAsync();
        await setup.MemberClient.GetAsync($"/api/v1/partners/{setup.Id}");
        Assert.DoesNotContain(await _partners.AuditOfAsync(setup.Id), a => a.Action == "personal-data.read");

        var seen = await setup.AdminClient.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{setup.Id}");

        Assert.Equal((string)setup.Body["contactPhone"]!, seen.GetProperty("contactPhone").GetString());
        var read = Assert.Single(await _partners.AuditOfAsync(setup.Id), a => a.Action == "personal-data.read");
        Assert.NotNull(read.ActorId);
        Assert.Contains("contact", read.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Unverified_Is404ForPublicAndOthers_VisibleToItsMember()
    {
        var setup = await PendingAsync();
        using var anonymous = await factory.Data.ApiClientAsync(null);
        using var other = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(setup.Community));
        using var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(setup.Community));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/partners/{setup.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/partners/{setup.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/partners/{setup.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await setup.MemberClient.GetAsync($"/api/v1/partners/{setup.Id}")).StatusCode);
    }

    [Fact]
    public async Task Get_Verified_PhoneAndNameMaskedForPublic_FullForMember()
    {
        var setup = await PendingAsync();
        await ReviewAsync(setup.AdminClient, setup.Id, "verify");
        var phone = (string)setup.Body["contactPhone"]!;
        using var anonymous = await factory.Data.ApiClientAsync(null);
        using var other = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(setup.Community));

        foreach (var client in new[] { anonymous, other })
        {
            var seen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{setup.Id}");
            Assert.Equal(PersonalData.MaskPhone(phone), seen.GetProperty("contactPhone").GetString());
            Assert.Equal($"{phone[..3]}****{phone[^4..]}", seen.GetProperty("contactPhone").GetString());
            Assert.Equal(PersonalData.MaskName("王经理"), seen.GetProperty("contactName").GetString());
            Assert.DoesNotContain(phone, seen.GetRawText(), StringComparison.Ordinal);
        }

        var own = await setup.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{setup.Id}");
        Assert.Equal((phone, "王经理"), (own.GetProperty("contactPhone").GetString(), own.GetProperty("contactName").GetString()));
    }

    [Fact]
    public async Task List_Public_ShowsOnlyVerified_FilteredByTypeAndCommunity()
    {
        var verified = await PendingAsync();
        var community = verified.Community;
        var individual = await PendingAsync("individual", community);
        var pending = await PendingAsync("merchant", community);
        var rejected = await PendingAsync("enterprise", community);
        var elsewhere = await PendingAsync();
        await ReviewAsync(verified.AdminClient, verified.Id, "verify");
        await ReviewAsync(verified.AdminClient, individual.Id, "verify");
        await ReviewAsync(verified.AdminClient, rejected.Id, "reject", "资料不全");
        await ReviewAsync(verified.AdminClient, elsewhere.Id, "verify");
        using var anonymous = await factory.Data.ApiClientAsync(null);

        async Task<List<Guid>> ListAsync(string query) =>
            [.. (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/partners?{query}")).EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

        Assert.Equal([verified.Id, individual.Id], await ListAsync($"community={community.Code}"));
        Assert.Equal([individual.Id], await ListAsync($"community={community.Code}&type=individual"));
        Assert.Equal([verified.Id], await ListAsync($"community={community.Code}&type=enterprise"));
        Assert.Empty(await ListAsync($"community={community.Code}&type=merchant"));
        var all = await ListAsync("");
        Assert.Contains(elsewhere.Id, all);
        Assert.DoesNotContain(pending.Id, all);
        Assert.DoesNotContain(rejected.Id, all);
    }

    [Fact]
    public async Task List_UnknownTypeOrCommunity_Is400()
    {
        using var anonymous = await factory.Data.ApiClientAsync(null);

        var type = await anonymous.GetAsync("/api/v1/partners?type=government");
        var community = await anonymous.GetAsync("/api/v1/partners?community=no-such-community");

        Assert.Contains("type", ProblemJson.Errors(await ProblemJson.ReadAsync(type)).Keys);
        Assert.Contains("community", ProblemJson.Errors(await ProblemJson.ReadAsync(community)).Keys);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("member")]
    [InlineData("staff")]
    public async Task List_PendingAsNonAdmin_Is403(string who)
    {
        var setup = await PendingAsync();
        using var client = who switch
        {
            "anonymous" => await factory.Data.ApiClientAsync(null),
            "staff" => await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(setup.Community)),
            _ => setup.MemberClient,
        };

        var response = await client.GetAsync($"/api/v1/partners?status=pending&community={setup.Community.Code}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_PendingAsAdmin_ShowsThePending()
    {
        var setup = await PendingAsync();

        var list = await setup.AdminClient.GetFromJsonAsync<JsonElement>($"/api/v1/partners?status=pending&community={setup.Community.Code}");

        Assert.Equal([setup.Id], list.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }
}

[Collection(SqliteLane.Name)]
public sealed class ReviewPartnerApiTestsOnSqlite(SqliteAppFactory factory) : ReviewPartnerApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ReviewPartnerApiTestsOnPostgres(PostgresAppFactory factory) : ReviewPartnerApiTests(factory);
