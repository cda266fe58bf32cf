using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Auth;
using static CommunityPartner.Tests.Modules.Communities.CommunitiesTestSupport;

namespace CommunityPartner.Tests.Modules.Communities;

/// <summary>Only the district admin manages communities: residents and staff are refused, and nothing changes.</summary>
public abstract class CommunityAdminAccessTests(AppFactory factory)
{
    [Theory]
    [InlineData(Roles.Resident)]
    [InlineData(Roles.CommunityStaff)]
    public async Task AdminApi_AsNonAdmin_AnswersForbiddenProblemAndChangesNothing(string role)
    {
        var community = await factory.Data.CommunityAsync();
        var user = await factory.Data.UserAsync(community, "非管理员", role);
        var target = await factory.Data.UserAsync(community, "目标用户");
        var staff = await factory.Data.StaffAsync(community);
        var client = await factory.Data.ApiClientAsync(user);
        var (code, communities) = (NewCode(), await factory.CountCommunitiesAsync());

        var requests = new[]
        {
            await client.PostAsJsonAsync("/api/v1/communities", new { code, name = NewName() }),
            await client.PutAsJsonAsync($"/api/v1/communities/{community.Code}", new { name = NewName() }),
            await client.PostAsJsonAsync($"/api/v1/communities/{community.Code}/staff", new { phone = target.Phone }),
            await client.DeleteAsync($"/api/v1/communities/{community.Code}/staff/{staff.Id}"),
        };

        foreach (var response in requests)
        {
            var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
        }

        Assert.Equal(communities, await factory.CountCommunitiesAsync());
        Assert.Equal(community.Name, (await factory.FindCommunityAsync(community.Code))!.Name);
        Assert.False((await factory.StaffStateAsync(target)).IsStaff);
        Assert.True((await factory.StaffStateAsync(staff)).IsStaff);
    }

    [Fact]
    public async Task AdminApi_Anonymous_AnswersUnauthorizedProblem()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(null);

        var response = await client.PutAsJsonAsync($"/api/v1/communities/{community.Code}", new { name = NewName() });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(community.Name, (await factory.FindCommunityAsync(community.Code))!.Name);
    }

    [Theory]
    [InlineData(Roles.Resident)]
    [InlineData(Roles.CommunityStaff)]
    public async Task AdminPages_AsNonAdmin_RedirectToDenied(string role)
    {
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community, "非管理员", role));

        foreach (var url in new[] { "/admin/communities", "/admin/communities/new", $"/admin/communities/{community.Code}/edit" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(LocationPath(response) == "/account/denied", $"GET {url} as {role} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task WorkspacePage_AsResident_RedirectsToDenied()
    {
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community));

        var response = await browser.GetAsync($"/admin/communities/{community.Code}");

        Assert.Equal("/account/denied", LocationPath(response));
    }

    [Fact]
    public async Task WorkspacePage_AsOwnStaff_ShowsNoStaffFormsAndRefusesAssignPost()
    {
        var community = await factory.Data.CommunityAsync();
        var target = await factory.Data.UserAsync(community, "目标用户");
        var browser = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(community));
        var url = $"/admin/communities/{community.Code}";

        var page = await Html.GetAsync(browser, url);
        Assert.Empty(page.QuerySelectorAll("main form"));
        var response = await browser.PostAsync($"{url}?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Phone"] = target.Phone,
        }));

        Assert.Equal("/account/denied", LocationPath(response));
        Assert.False((await factory.StaffStateAsync(target)).IsStaff);
    }
}

[Collection(SqliteLane.Name)]
public sealed class CommunityAdminAccessTestsOnSqlite(SqliteAppFactory factory) : CommunityAdminAccessTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CommunityAdminAccessTestsOnPostgres(PostgresAppFactory factory) : CommunityAdminAccessTests(factory);
