using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Modules.Partners.InviteMember;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>Members invite colleagues by number; the colleague accepts or declines; members revoke; outsiders are refused.</summary>
public abstract class InviteMemberTests(AppFactory factory)
{
    private readonly PartnersTestData _partners = new(factory);

    private sealed record Team(CommunityRef Community, UserRef Owner, HttpClient OwnerClient, Guid PartnerId);

    private async Task<Team> TeamAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var owner = await factory.Data.UserAsync(community);
        var client = await factory.Data.ApiClientAsync(owner);
        return new Team(community, owner, client, await PartnersTestData.RegisterAsync(client, PartnersTestData.Body(community)));
    }

    private static async Task<Guid> InviteAsync(HttpClient client, Guid partnerId, string phone)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/partners/{partnerId}/invitations", new { phone });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<List<PartnerInvitation>> InvitationsAsync(Guid partnerId) =>
        _partners.QueryAsync(db => db.Set<PartnerInvitation>().AsNoTracking().Where(i => i.PartnerId == partnerId).ToListAsync());

    [Fact]
    public async Task Invite_ThenAccept_MakesAMemberWhoCanEditAndTellsBothSides()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community, "同事小李");
        using var colleagueClient = await factory.Data.ApiClientAsync(colleague);

        var invitationId = await InviteAsync(team.OwnerClient, team.PartnerId, $"+86 {colleague.Phone}");
        var mine = await colleagueClient.GetFromJsonAsync<JsonElement>("/api/v1/partner-invitations/mine");
        var accept = await colleagueClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null);

        Assert.Equal(invitationId, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal("accepted", (await accept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var partner = await _partners.LoadAsync(team.PartnerId);
        Assert.Equal([team.Owner.Id, colleague.Id], partner.Members.OrderBy(m => m.IsOwner ? 0 : 1).Select(m => m.UserId));
        var told = await _partners.QueryAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == colleague.Id || n.UserId == team.Owner.Id).Select(n => n.UserId).ToListAsync());
        Assert.Contains(colleague.Id, told);
        Assert.Contains(team.Owner.Id, told);
        var body = PartnersTestData.Body(team.Community);
        body["introduction"] = "同事改过的介绍";
        body["name"] = partner.Name;
        body["creditCode"] = partner.CreditCode;
        var edit = await colleagueClient.PutAsJsonAsync($"/api/v1/partners/{team.PartnerId}", body);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("同事改过的介绍", (await _partners.LoadAsync(team.PartnerId)).Introduction);
        var audit = await _partners.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == invitationId.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["partners.invite", "partners.invitation.accept"], audit);
        var partnerRoles = await _partners.QueryAsync(db => (from ur in db.UserRoles
                                                             join r in db.Roles on ur.RoleId equals r.Id
                                                             where r.Name == Roles.PartnerMember && (ur.UserId == colleague.Id || ur.UserId == team.Owner.Id)
                                                             select ur.UserId).ToListAsync());
        Assert.Equal(2, partnerRoles.Distinct().Count());
    }

    [Fact]
    public async Task Invite_ANumberNotYetRegistered_WaitsForThemToRegister_NoOneElseCanTakeIt()
    {
        var team = await TeamAsync();
        var phone = TestData.NewPhone();

        var invitationId = await InviteAsync(team.OwnerClient, team.PartnerId, phone);
        var stranger = await factory.Data.UserAsync(team.Community);
        using var strangerClient = await factory.Data.ApiClientAsync(stranger);
        var strangerTries = await strangerClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null);

        // The colleague registers afterwards with the invited number (the account's number set as registration would).
        var later = await factory.Data.UserAsync(team.Community);
        using var laterClient = await factory.Data.ApiClientAsync(later);
        await _partners.QueryAsync(db => db.Users.Where(u => u.Id == later.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, phone)));
        var mine = await laterClient.GetFromJsonAsync<JsonElement>("/api/v1/partner-invitations/mine");
        var accept = await laterClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null);

        Assert.Equal(HttpStatusCode.NotFound, strangerTries.StatusCode);
        Assert.Equal(invitationId, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Contains((await _partners.LoadAsync(team.PartnerId)).Members, m => m.UserId == later.Id);
    }

    [Theory]
    [InlineData("", "请填写同事的手机号码")]
    [InlineData("12345", "请填写 11 位手机号码")]
    public async Task Invite_BadNumber_Is400AndStoresNothing(string phone, string message)
    {
        var team = await TeamAsync();

        var response = await team.OwnerClient.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["phone"]);
        Assert.Empty(await InvitationsAsync(team.PartnerId));
    }

    [Fact]
    public async Task Invite_SameNumberTwice_OrAMember_Is400()
    {
        var team = await TeamAsync();
        var phone = TestData.NewPhone();
        await InviteAsync(team.OwnerClient, team.PartnerId, phone);

        var again = await team.OwnerClient.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone });
        var self = await team.OwnerClient.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone = team.Owner.Phone });

        Assert.Equal(["已经邀请过这个号码，请等同事回复"], ProblemJson.Errors(await ProblemJson.ReadAsync(again))["phone"]);
        Assert.Equal(["这位同事已经是合伙人成员"], ProblemJson.Errors(await ProblemJson.ReadAsync(self))["phone"]);
        Assert.Single(await InvitationsAsync(team.PartnerId));
    }

    [Fact]
    public async Task Invite_SameNumberInParallel_MakesOneOpenInvitation()
    {
        var team = await TeamAsync();
        var phone = TestData.NewPhone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            team.OwnerClient.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Single(await InvitationsAsync(team.PartnerId));
    }

    [Fact]
    public async Task Invite_AfterTheOldOneLapsed_ClosesItAsExpiredAndOpensANewOne()
    {
        var team = await TeamAsync();
        var phone = TestData.NewPhone();
        var old = PartnerInvitation.Create(team.PartnerId, phone, team.Owner.Id, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-PartnerInvitation.ValidDays - 1));
        await _partners.QueryAsync(async db =>
        {
            db.Add(old);
            return await db.SaveChangesAsync();
        });

        await InviteAsync(team.OwnerClient, team.PartnerId, phone);

        var all = await InvitationsAsync(team.PartnerId);
        Assert.Equal(InvitationStatus.Expired, all.Single(i => i.Id == old.Id).Status);
        Assert.Equal(InvitationStatus.Pending, all.Single(i => i.Id != old.Id).Status);
    }

    [Fact]
    public async Task Accept_AnExpiredInvitation_Is409AndAddsNoOne()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community);
        var old = PartnerInvitation.Create(team.PartnerId, colleague.Phone, team.Owner.Id, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-PartnerInvitation.ValidDays - 1));
        await _partners.QueryAsync(async db =>
        {
            db.Add(old);
            return await db.SaveChangesAsync();
        });
        using var client = await factory.Data.ApiClientAsync(colleague);

        var response = await client.PostAsync($"/api/v1/partner-invitations/{old.Id}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single((await _partners.LoadAsync(team.PartnerId)).Members);
    }

    [Fact]
    public async Task Accept_Twice_OrInParallel_MakesOneMember()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community);
        var invitationId = await InviteAsync(team.OwnerClient, team.PartnerId, colleague.Phone);
        using var client = await factory.Data.ApiClientAsync(colleague);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, (await _partners.LoadAsync(team.PartnerId)).Members.Count);
    }

    [Fact]
    public async Task Decline_ClosesTheInvitation_AndAddsNoOne()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community);
        var invitationId = await InviteAsync(team.OwnerClient, team.PartnerId, colleague.Phone);
        using var client = await factory.Data.ApiClientAsync(colleague);

        var decline = await client.PostAsync($"/api/v1/partner-invitations/{invitationId}/decline", null);
        var acceptAfter = await client.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (decline.StatusCode, acceptAfter.StatusCode));
        Assert.Equal(InvitationStatus.Declined, Assert.Single(await InvitationsAsync(team.PartnerId)).Status);
        Assert.Single((await _partners.LoadAsync(team.PartnerId)).Members);
    }

    [Fact]
    public async Task Revoke_ByAMember_ClosesIt_ByAnOutsider_Is403()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community);
        var invitationId = await InviteAsync(team.OwnerClient, team.PartnerId, colleague.Phone);
        using var outsider = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(team.Community));
        using var colleagueClient = await factory.Data.ApiClientAsync(colleague);

        var refused = await outsider.PostAsync($"/api/v1/partner-invitations/{invitationId}/revoke", null);
        var inviteeRevokes = await colleagueClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/revoke", null);
        var revoked = await team.OwnerClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/revoke", null);
        var acceptAfter = await colleagueClient.PostAsync($"/api/v1/partner-invitations/{invitationId}/accept", null);

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Conflict),
            (refused.StatusCode, inviteeRevokes.StatusCode, revoked.StatusCode, acceptAfter.StatusCode));
        Assert.Equal(InvitationStatus.Revoked, Assert.Single(await InvitationsAsync(team.PartnerId)).Status);
    }

    [Fact]
    public async Task Outsiders_CannotInvite_OrSeeTheTeam()
    {
        var team = await TeamAsync();
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(team.Community));
        using var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(team.Community));
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        using var anonymous = await factory.Data.ApiClientAsync(null);

        var residentInvites = await resident.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone = TestData.NewPhone() });
        var adminInvites = await admin.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone = TestData.NewPhone() });
        var anonymousInvites = await anonymous.PostAsJsonAsync($"/api/v1/partners/{team.PartnerId}/invitations", new { phone = TestData.NewPhone() });
        var unknown = await team.OwnerClient.PostAsJsonAsync($"/api/v1/partners/{Guid.NewGuid()}/invitations", new { phone = TestData.NewPhone() });

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound),
            (residentInvites.StatusCode, adminInvites.StatusCode, anonymousInvites.StatusCode, unknown.StatusCode));
        Assert.Empty(await InvitationsAsync(team.PartnerId));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/partners/{team.PartnerId}/members")).StatusCode);
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{team.PartnerId}/members");
        var member = Assert.Single(seenByAdmin.GetProperty("members").EnumerateArray());
        Assert.Equal(PersonalDataMask(team.Owner.Phone), member.GetProperty("phone").GetString());
    }

    private static string PersonalDataMask(string phone) => Web.Platform.Auth.PersonalData.MaskPhone(phone);

    [Fact]
    public async Task MembersPage_InviteForm_InvitesAndListsIt_InvitationsPage_Accepts()
    {
        var team = await TeamAsync();
        var colleague = await factory.Data.UserAsync(team.Community);
        using var ownerBrowser = await factory.Data.BrowserAsync(team.Owner);
        using var colleagueBrowser = await factory.Data.BrowserAsync(colleague);

        var bad = await Html.SubmitFormAsync(ownerBrowser, $"/partners/{team.PartnerId}/members", new Dictionary<string, string> { ["Phone"] = "123" }, handler: "Invite");
        var invite = await Html.SubmitFormAsync(ownerBrowser, $"/partners/{team.PartnerId}/members", new Dictionary<string, string> { ["Phone"] = colleague.Phone }, handler: "Invite");
        var members = await Html.GetAsync(ownerBrowser, $"/partners/{team.PartnerId}/members");
        var list = await Html.GetAsync(colleagueBrowser, "/partners");
        var accept = await Html.SubmitFormAsync(colleagueBrowser, "/partners/invitations", new Dictionary<string, string> { ["decision"] = "accept" });

        Assert.Contains("请填写 11 位手机号码", Html.FieldErrors(await Html.ParseAsync(bad)));
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Contains(PersonalDataMask(colleague.Phone), members.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(colleague.Phone, members.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("main a[href='/partners/invitations']"));
        Assert.Equal((HttpStatusCode.Redirect, $"/partners/{team.PartnerId}"), (accept.StatusCode, Responses.LocationPath(accept)));
        Assert.Contains((await _partners.LoadAsync(team.PartnerId)).Members, m => m.UserId == colleague.Id);
    }

    [Fact]
    public async Task MembersPage_Outsider_Is404()
    {
        var team = await TeamAsync();
        using var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(team.Community));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/partners/{team.PartnerId}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/partners/{team.PartnerId}/edit")).StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class InviteMemberTestsOnSqlite(SqliteAppFactory factory) : InviteMemberTests(factory);

[Collection(PostgresLane.Name)]
public sealed class InviteMemberTestsOnPostgres(PostgresAppFactory factory) : InviteMemberTests(factory);
