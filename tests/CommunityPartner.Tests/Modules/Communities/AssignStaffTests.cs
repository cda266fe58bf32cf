using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using static CommunityPartner.Tests.Modules.Communities.CommunitiesTestSupport;

namespace CommunityPartner.Tests.Modules.Communities;

/// <summary>The district admin makes a registered account a community's staff member, and removes it again.</summary>
public abstract class AssignStaffTests(AppFactory factory)
{
    [Fact]
    public async Task PostStaff_RegisteredResident_BecomesStaffOfTheCommunityAndIsAudited()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(await factory.Data.CommunityAsync(), UniqueName());
        var admin = await factory.Data.AdminAsync();
        var client = await factory.Data.ApiClientAsync(admin);

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{community.Code}/staff", new { phone = resident.Phone });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(resident.Id, member.GetProperty("userId").GetGuid());
        Assert.Equal((community.Id, true), await factory.StaffStateAsync(resident));
        var staff = await client.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{community.Code}/staff");
        Assert.Contains(staff.EnumerateArray(), s => s.GetProperty("userId").GetGuid() == resident.Id);
        var audit = Assert.Single(await factory.AuditAsync("communities.assign-staff", resident.Id));
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.False(Json(audit.Before).GetProperty("Staff").GetBoolean());
        Assert.True(Json(audit.After).GetProperty("Staff").GetBoolean());
        Assert.Equal(community.Id, Json(audit.After).GetProperty("CommunityId").GetGuid());
    }

    [Fact]
    public async Task DeleteStaff_StaffMember_LosesTheRoleAndIsAudited()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var admin = await factory.Data.AdminAsync();
        var client = await factory.Data.ApiClientAsync(admin);

        var response = await client.DeleteAsync($"/api/v1/communities/{community.Code}/staff/{staff.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False((await factory.StaffStateAsync(staff)).IsStaff);
        var audit = Assert.Single(await factory.AuditAsync("communities.remove-staff", staff.Id));
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.True(Json(audit.Before).GetProperty("Staff").GetBoolean());
        Assert.False(Json(audit.After).GetProperty("Staff").GetBoolean());
    }

    [Fact]
    public async Task DeleteStaff_NotStaffOfThatCommunity_AnswersNotFoundAndChangesNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var elsewhere = await factory.Data.StaffAsync(await factory.Data.CommunityAsync());
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.DeleteAsync($"/api/v1/communities/{community.Code}/staff/{elsewhere.Id}");

        await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.True((await factory.StaffStateAsync(elsewhere)).IsStaff);
        Assert.Empty(await factory.AuditAsync("communities.remove-staff", elsewhere.Id));
    }

    [Theory]
    [InlineData("12345", "请输入 11 位中国大陆手机号")]
    [InlineData("", "请输入 11 位中国大陆手机号")]
    [InlineData(null, "未找到该手机号的账户，请先请对方在平台注册")]
    public async Task PostStaff_BadOrUnknownPhone_AnswersFieldProblemAndStoresNothing(string? phone, string message)
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var audits = await factory.CountAuditAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{community.Code}/staff", new { phone = phone ?? TestData.NewPhone() });

        Assert.Contains(message, await FieldProblemsAsync(response, "phone"));
        Assert.Equal(audits, await factory.CountAuditAsync());
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/communities/{community.Code}/staff") ?? []);
    }

    [Fact]
    public async Task PostStaff_StaffOfAnotherCommunity_AnswersConflictNamingItAndChangesNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var other = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(other);
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{community.Code}/staff", new { phone = staff.Phone });

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal($"该账户已是{other.Name}的社区工作者，请先在该社区解除", problem.GetProperty("detail").GetString());
        Assert.Equal((other.Id, true), await factory.StaffStateAsync(staff));
        Assert.Empty(await factory.AuditAsync("communities.assign-staff", staff.Id));
    }

    [Fact]
    public async Task PostStaff_AlreadyStaffHere_AnswersConflict()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{community.Code}/staff", new { phone = staff.Phone });

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("该账户已是本社区的社区工作者", problem.GetProperty("detail").GetString());
        Assert.Empty(await factory.AuditAsync("communities.assign-staff", staff.Id));
    }

    [Fact]
    public async Task AssignHandler_OnWorkspacePage_AddsStaffMemberToTheList()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, UniqueName());
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var url = $"/admin/communities/{community.Code}";

        var response = await Html.SubmitFormAsync(browser, url, new Dictionary<string, string> { ["Input.Phone"] = resident.Phone }, handler: "Assign");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, LocationPath(response));
        var page = await Html.GetAsync(browser, url);
        Assert.Contains(resident.Name, page.QuerySelector("#staff-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal((community.Id, true), await factory.StaffStateAsync(resident));
        Assert.Single(await factory.AuditAsync("communities.assign-staff", resident.Id));
    }

    [Fact]
    public async Task AssignHandler_UnknownPhone_ShowsMessageAndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var audits = await factory.CountAuditAsync();

        var response = await Html.SubmitFormAsync(browser, $"/admin/communities/{community.Code}", new Dictionary<string, string> { ["Input.Phone"] = TestData.NewPhone() }, handler: "Assign");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("未找到该手机号的账户，请先请对方在平台注册", FieldError(await Html.ParseAsync(response), "Input.Phone"));
        Assert.Equal(audits, await factory.CountAuditAsync());
    }

    [Fact]
    public async Task RemoveHandler_OnWorkspacePage_RemovesStaffMember()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());

        var response = await Html.SubmitFormAsync(browser, $"/admin/communities/{community.Code}", new Dictionary<string, string>(), handler: "Remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await factory.StaffStateAsync(staff)).IsStaff);
        Assert.Single(await factory.AuditAsync("communities.remove-staff", staff.Id));
    }

    private static string UniqueName() => $"居民{Guid.NewGuid():N}"[..10];
}

[Collection(SqliteLane.Name)]
public sealed class AssignStaffTestsOnSqlite(SqliteAppFactory factory) : AssignStaffTests(factory);

[Collection(PostgresLane.Name)]
public sealed class AssignStaffTestsOnPostgres(PostgresAppFactory factory) : AssignStaffTests(factory);
