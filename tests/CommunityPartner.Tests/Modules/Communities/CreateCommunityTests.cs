using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using static CommunityPartner.Tests.Modules.Communities.CommunitiesTestSupport;

namespace CommunityPartner.Tests.Modules.Communities;

/// <summary>The district admin adds a community, through the API and through the page.</summary>
public abstract class CreateCommunityTests(AppFactory factory)
{
    private const string NameTooLong = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一";

    [Fact]
    public async Task PostCommunity_AsAdmin_CreatesItListsItAndAuditsIt()
    {
        await factory.Data.CommunityAsync(); // the district exists
        var admin = await factory.Data.AdminAsync();
        var client = await factory.Data.ApiClientAsync(admin);
        var (code, name) = (NewCode(), NewName());

        var response = await client.PostAsJsonAsync("/api/v1/communities", new { code, name, nameEn = "New Community", description = "简介" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/communities/{code}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(name, body.GetProperty("name").GetString());
        var list = await (await client.GetAsync("/api/v1/communities")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("code").GetString() == code && c.GetProperty("name").GetString() == name);

        var stored = await factory.FindCommunityAsync(code);
        Assert.NotNull(stored);
        var audit = Assert.Single(await factory.AuditAsync("communities.create", stored.Id));
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.Equal(stored.Id, audit.CommunityId);
        Assert.Null(audit.Before);
        Assert.Equal(name, Json(audit.After).GetProperty("Name").GetString());
        Assert.Equal(code, Json(audit.After).GetProperty("Code").GetString());
    }

    [Theory]
    [InlineData("", "name", "请填写社区名称")]
    [InlineData("   ", "name", "请填写社区名称")]
    [InlineData(NameTooLong, "name", "社区名称不能超过 30 个字")]
    public async Task PostCommunity_BadName_AnswersFieldProblemAndStoresNothing(string name, string field, string message)
    {
        var code = NewCode();
        await AssertRefusedAsync(new { code, name }, field, message, code);
    }

    [Theory]
    [InlineData("", "请填写社区代码")]
    [InlineData("9lives", "社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头")]
    [InlineData("a", "社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头")]
    [InlineData("has space", "社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头")]
    [InlineData("under_score", "社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头")]
    public async Task PostCommunity_BadCode_AnswersFieldProblemAndStoresNothing(string code, string message) =>
        await AssertRefusedAsync(new { code, name = NewName() }, "code", message, code);

    [Fact]
    public async Task PostCommunity_DuplicateCode_AnswersFieldProblemAndStoresNothing()
    {
        var existing = await factory.Data.CommunityAsync();
        await AssertRefusedAsync(new { code = existing.Code, name = NewName() }, "code", $"社区代码“{existing.Code}”已被使用", null);
    }

    [Fact]
    public async Task PostCommunity_DuplicateName_AnswersFieldProblemAndStoresNothing()
    {
        var existing = await factory.Data.CommunityAsync();
        var code = NewCode();
        await AssertRefusedAsync(new { code, name = existing.Name }, "name", $"已有名为“{existing.Name}”的社区", code);
    }

    [Fact]
    public async Task CreatePage_AsAdmin_CreatesCommunityAndShowsItsWorkspace()
    {
        await factory.Data.CommunityAsync();
        var admin = await factory.Data.AdminAsync();
        var browser = await factory.Data.BrowserAsync(admin);
        var (code, name) = (NewCode(), NewName());

        var response = await Html.SubmitFormAsync(browser, "/admin/communities/new", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = name,
            ["Input.NameEn"] = "Page Community",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/communities/{code}", LocationPath(response));
        var workspace = await Html.GetAsync(browser, $"/admin/communities/{code}");
        Assert.Equal(name, workspace.QuerySelector("main h1")?.TextContent.Trim());
        var stored = await factory.FindCommunityAsync(code);
        Assert.Equal("Page Community", stored?.NameEn);
        Assert.Single(await factory.AuditAsync("communities.create", stored!.Id), e => e.ActorId == admin.Id);
    }

    [Fact]
    public async Task CreatePage_BadCodeAndEmptyName_ShowsBothMessagesAndStoresNothing()
    {
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var before = await factory.CountCommunitiesAsync();

        var response = await Html.SubmitFormAsync(browser, "/admin/communities/new", new Dictionary<string, string>
        {
            ["Input.Code"] = "Bad Code!",
            ["Input.Name"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("社区代码只能用 2–40 个小写字母、数字或连字符，且以字母开头", FieldError(page, "Input.Code"));
        Assert.Equal("请填写社区名称", FieldError(page, "Input.Name"));
        Assert.Equal(before, await factory.CountCommunitiesAsync());
    }

    [Fact]
    public async Task CreatePage_DuplicateName_ShowsMessageAndStoresNothing()
    {
        var existing = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var code = NewCode();

        var response = await Html.SubmitFormAsync(browser, "/admin/communities/new", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = existing.Name,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"已有名为“{existing.Name}”的社区", FieldError(await Html.ParseAsync(response), "Input.Name"));
        Assert.Null(await factory.FindCommunityAsync(code));
    }

    private async Task AssertRefusedAsync(object body, string field, string message, string? absentCode)
    {
        await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var (communities, audits) = (await factory.CountCommunitiesAsync(), await factory.CountAuditAsync());

        var response = await client.PostAsJsonAsync("/api/v1/communities", body);

        Assert.Contains(message, await FieldProblemsAsync(response, field));
        Assert.Equal(communities, await factory.CountCommunitiesAsync());
        Assert.Equal(audits, await factory.CountAuditAsync());
        if (!string.IsNullOrWhiteSpace(absentCode))
        {
            Assert.Null(await factory.FindCommunityAsync(absentCode));
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class CreateCommunityTestsOnSqlite(SqliteAppFactory factory) : CreateCommunityTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CreateCommunityTestsOnPostgres(PostgresAppFactory factory) : CreateCommunityTests(factory);
