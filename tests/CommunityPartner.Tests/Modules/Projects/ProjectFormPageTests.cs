using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Projects;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>The create and edit forms: field errors shown and nothing stored; only the community's own staff edit.</summary>
public abstract class ProjectFormPageTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);
    private readonly ProjectsTestData _projects = new(factory);

    [Fact]
    public async Task CreatePage_Good_SavesDraftWithNeedAndGoesToItsPage()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        using var browser = await factory.Data.BrowserAsync(actors.Staff);

        var response = await Html.SubmitFormAsync(browser, "/projects/new", Fields(new() { ["Input.NeedIds"] = needId.ToString() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(Responses.LocationPath(response)!["/projects/".Length..]);
        var project = await _projects.LoadAsync(id);
        Assert.Equal((ProjectStatus.Draft, actors.Community.Id), (project.Status, project.CommunityId));
        Assert.Equal([needId], project.LinkedNeedIds);
        Assert.Equal(2, project.Asks.Count);
    }

    [Theory]
    [InlineData("Input.Title", "", "请填写项目名称")]
    [InlineData("Input.Summary", "", "请用一两句话介绍项目")]
    [InlineData("Input.BudgetYuan", "-1", "预算须在 0 到 100000000 元之间")]
    [InlineData("Input.Asks[1].Hours", "0", "第 2 项：技术服务请填写所需工时，1 到 100000 小时")]
    public async Task CreatePage_BadField_ShowsErrorAndStoresNothing(string field, string value, string message)
    {
        var actors = await _needs.ActorsAsync();
        using var browser = await factory.Data.BrowserAsync(actors.Staff);
        var rows = await _projects.CountRowsAsync();

        var response = await Html.SubmitFormAsync(browser, "/projects/new", Fields(new() { [field] = value }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.FieldErrors(await Html.ParseAsync(response)));
        Assert.Equal(rows, await _projects.CountRowsAsync());
    }

    [Fact]
    public async Task EditPage_StaffOfAnotherCommunity_DeniedOnGetAndPostNothingChanged()
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        var before = await _projects.LoadAsync(id);
        using var outsider = await factory.Data.BrowserAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));

        var get = await outsider.GetAsync($"/projects/{id}/edit");
        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (get.StatusCode, Responses.LocationPath(get)));
        var token = (await Html.GetAsync(outsider, "/projects/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = Fields(new() { ["Input.Title"] = "越权改名", ["__RequestVerificationToken"] = token });
        var response = await outsider.PostAsync($"/projects/{id}/edit", new FormUrlEncodedContent(fields));

        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (response.StatusCode, Responses.LocationPath(response)));
        var after = await _projects.LoadAsync(id);
        Assert.Equal((before.Title, before.Version), (after.Title, after.Version));
    }

    [Theory]
    [InlineData("resident", "/account/denied")]
    [InlineData("anonymous", "/account/sign-in")]
    public async Task FormPages_NotStaff_AreRefused(string who, string to)
    {
        var actors = await _needs.ActorsAsync();
        var id = await ProjectsTestData.CreateAsync(actors.StaffClient, actors.Community);
        using var browser = await factory.Data.BrowserAsync(who == "resident" ? actors.Raiser : null);

        foreach (var url in new[] { "/projects/new", $"/projects/{id}/edit", "/admin/projects" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(to, Responses.LocationPath(response));
        }
    }

    private static Dictionary<string, string> Fields(Dictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "楼道灯改造",
            ["Input.Summary"] = "把楼道灯换成声控节能灯",
            ["Input.CategoryCode"] = "repairs",
            ["Input.Model"] = "public_good",
            ["Input.BudgetYuan"] = "6000",
            ["Input.Asks[0].Kind"] = "funding",
            ["Input.Asks[0].Title"] = "灯具资金",
            ["Input.Asks[0].Yuan"] = "5000",
            ["Input.Asks[1].Kind"] = "service",
            ["Input.Asks[1].Title"] = "电工安装",
            ["Input.Asks[1].Hours"] = "8",
            ["Input.Asks[1].Yuan"] = "1000",
        };
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }
}

[Collection(SqliteLane.Name)]
public sealed class ProjectFormPageTestsOnSqlite(SqliteAppFactory factory) : ProjectFormPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectFormPageTestsOnPostgres(PostgresAppFactory factory) : ProjectFormPageTests(factory);
