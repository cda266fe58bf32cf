using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using static CommunityPartner.Tests.Modules.Communities.CommunitiesTestSupport;

namespace CommunityPartner.Tests.Modules.Communities;

/// <summary>The district admin renames a community or changes its description; the code stays.</summary>
public abstract class EditCommunityTests(AppFactory factory)
{
    [Fact]
    public async Task PutCommunity_AsAdmin_RenamesItAndAuditsBeforeAndAfter()
    {
        var community = await factory.Data.CommunityAsync();
        var admin = await factory.Data.AdminAsync();
        var client = await factory.Data.ApiClientAsync(admin);
        var name = NewName();

        var response = await client.PutAsJsonAsync($"/api/v1/communities/{community.Code}", new { name, nameEn = "Renamed", description = "新的简介" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(community.Code, body.GetProperty("code").GetString());
        var stored = await factory.FindCommunityAsync(community.Code);
        Assert.Equal((name, "Renamed", "新的简介"), (stored!.Name, stored.NameEn, stored.Description));
        var audit = Assert.Single(await factory.AuditAsync("communities.edit", community.Id));
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.Equal(community.Name, Json(audit.Before).GetProperty("Name").GetString());
        Assert.Equal(name, Json(audit.After).GetProperty("Name").GetString());
    }

    [Theory]
    [InlineData("", "请填写社区名称")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "社区名称不能超过 30 个字")]
    public async Task PutCommunity_BadName_AnswersFieldProblemAndKeepsTheName(string name, string message)
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.PutAsJsonAsync($"/api/v1/communities/{community.Code}", new { name });

        Assert.Contains(message, await FieldProblemsAsync(response, "name"));
        Assert.Equal(community.Name, (await factory.FindCommunityAsync(community.Code))!.Name);
        Assert.Empty(await factory.AuditAsync("communities.edit", community.Id));
    }

    [Fact]
    public async Task PutCommunity_NameOfAnotherCommunity_AnswersFieldProblemAndKeepsTheName()
    {
        var community = await factory.Data.CommunityAsync();
        var other = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.PutAsJsonAsync($"/api/v1/communities/{community.Code}", new { name = other.Name });

        Assert.Contains($"已有名为“{other.Name}”的社区", await FieldProblemsAsync(response, "name"));
        Assert.Equal(community.Name, (await factory.FindCommunityAsync(community.Code))!.Name);
        Assert.Empty(await factory.AuditAsync("communities.edit", community.Id));
    }

    [Fact]
    public async Task PutCommunity_UnknownCode_AnswersNotFoundProblem()
    {
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await client.PutAsJsonAsync($"/api/v1/communities/{NewCode()}", new { name = NewName() });

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("未找到该社区", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EditPage_AsAdmin_ShowsCurrentValuesAndSavesTheNewName()
    {
        var community = await factory.Data.CommunityAsync();
        var admin = await factory.Data.AdminAsync();
        var browser = await factory.Data.BrowserAsync(admin);
        var form = await Html.GetAsync(browser, $"/admin/communities/{community.Code}/edit");
        Assert.Equal(community.Name, form.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")?.Value);
        var name = NewName();

        var response = await Html.SubmitFormAsync(browser, $"/admin/communities/{community.Code}/edit", new Dictionary<string, string> { ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/communities/{community.Code}", LocationPath(response));
        Assert.Equal(name, (await factory.FindCommunityAsync(community.Code))!.Name);
        var audit = Assert.Single(await factory.AuditAsync("communities.edit", community.Id));
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.Equal(community.Name, Json(audit.Before).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task EditPage_NameOfAnotherCommunity_ShowsMessageAndKeepsTheName()
    {
        var community = await factory.Data.CommunityAsync();
        var other = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());

        var response = await Html.SubmitFormAsync(browser, $"/admin/communities/{community.Code}/edit", new Dictionary<string, string> { ["Input.Name"] = other.Name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"已有名为“{other.Name}”的社区", FieldError(await Html.ParseAsync(response), "Input.Name"));
        Assert.Equal(community.Name, (await factory.FindCommunityAsync(community.Code))!.Name);
    }
}

[Collection(SqliteLane.Name)]
public sealed class EditCommunityTestsOnSqlite(SqliteAppFactory factory) : EditCommunityTests(factory);

[Collection(PostgresLane.Name)]
public sealed class EditCommunityTestsOnPostgres(PostgresAppFactory factory) : EditCommunityTests(factory);
