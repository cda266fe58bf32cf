using System.Net;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>/admin/open311: the district admin issues keys (shown once) and revokes them; both are audited.</summary>
public abstract class Open311KeysPageTests(AppFactory factory)
{
    private readonly Open311Kit _kit = new(factory);

    [Fact]
    public async Task Issue_Admin_ShowsTheKeyOnceAndTheKeyOpensPost()
    {
        var admin = await _kit.Data.AdminAsync();
        var browser = await _kit.Data.BrowserAsync(admin);
        var name = "12345 热线 " + Open311Kit.Marker();

        var response = await Html.SubmitFormAsync(browser, "/admin/open311", new Dictionary<string, string> { ["Input.Name"] = name }, handler: "Issue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var key = page.QuerySelector("#issued-key")?.TextContent.Trim();
        Assert.NotNull(key);
        Assert.StartsWith("cp311_", key);
        Assert.Contains(name, page.QuerySelector("#issued-heading")!.TextContent);

        var later = await Html.GetAsync(browser, "/admin/open311");
        Assert.Null(later.QuerySelector("#issued-key"));
        Assert.DoesNotContain(key, later.DocumentElement.OuterHtml);
        var row = Assert.Single(later.QuerySelectorAll("li.key"), li => li.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains(key[..12], row.TextContent);

        var community = await _kit.Data.CommunityAsync();
        var post = await Open311Kit.PostRequestAsync(_kit.Anonymous(), "json", new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["jurisdiction_id"] = community.Code,
            ["service_code"] = "safety",
            ["description"] = "电动车在楼道充电",
            ["address_string"] = "8 栋 1 单元楼道",
        });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var entry = await AuditAsync("needs.open311-key.issue", row.GetAttribute("data-key-id")!);
        Assert.Equal(admin.Id, entry.ActorId);
        Assert.Contains(name, entry.After);
        Assert.DoesNotContain(key, entry.After);
    }

    [Fact]
    public async Task Revoke_Admin_KeyIsRefusedFromThenOn()
    {
        var admin = await _kit.Data.AdminAsync();
        var browser = await _kit.Data.BrowserAsync(admin);
        var name = "城市 App " + Open311Kit.Marker();
        var issued = await Html.ParseAsync(await Html.SubmitFormAsync(browser, "/admin/open311", new Dictionary<string, string> { ["Input.Name"] = name }, handler: "Issue"));
        var key = issued.QuerySelector("#issued-key")!.TextContent.Trim();
        var row = Assert.Single(issued.QuerySelectorAll("li.key"), li => li.TextContent.Contains(name, StringComparison.Ordinal));
        var form = (IHtmlFormElement)row.QuerySelector("form")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        var response = await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(browser, "/admin/open311");
        var revoked = Assert.Single(page.QuerySelectorAll("li.key"), li => li.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Null(revoked.QuerySelector("form"));
        var community = await _kit.Data.CommunityAsync();
        var post = await Open311Kit.PostRequestAsync(_kit.Anonymous(), "xml", new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["jurisdiction_id"] = community.Code,
            ["service_code"] = "safety",
            ["description"] = "吊销后提交",
            ["address_string"] = "8 栋",
        });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await GeoReport.ErrorsAsync(post, "xml");
        var entry = await AuditAsync("needs.open311-key.revoke", row.GetAttribute("data-key-id")!);
        Assert.Equal(admin.Id, entry.ActorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("这个用途写得实在太长了这个用途写得实在太长了这个用途写得实在太长了这个用途写得实在太长了这个用途写得实在太长了这个用途写得实在太长了")]
    public async Task Issue_BadName_ShowsTheFieldErrorAndIssuesNothing(string name)
    {
        var browser = await _kit.Data.BrowserAsync(await _kit.Data.AdminAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Set<Web.Modules.Needs.Open311.Open311ApiKey>().CountAsync();

        var response = await Html.SubmitFormAsync(browser, "/admin/open311", new Dictionary<string, string> { ["Input.Name"] = name }, handler: "Issue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEmpty(Html.FieldErrors(page));
        Assert.Null(page.QuerySelector("#issued-key"));
        Assert.Equal(before, await db.Set<Web.Modules.Needs.Open311.Open311ApiKey>().CountAsync());
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("staff")]
    public async Task Page_NotDistrictAdmin_IsRefused(string who)
    {
        var community = await _kit.Data.CommunityAsync();
        var user = who == "staff" ? await _kit.Data.StaffAsync(community) : await _kit.Data.UserAsync(community);
        var browser = await _kit.Data.BrowserAsync(user);

        var response = await browser.GetAsync("/admin/open311");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        var response = await _kit.Anonymous().GetAsync("/admin/open311");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString());
    }

    private async Task<Web.Platform.Audit.AuditEntry> AuditAsync(string action, string keyId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.SingleAsync(a => a.Action == action && a.EntityId == keyId);
    }
}

[Collection(SqliteLane.Name)]
public sealed class Open311KeysPageTestsOnSqlite(SqliteAppFactory factory) : Open311KeysPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class Open311KeysPageTestsOnPostgres(PostgresAppFactory factory) : Open311KeysPageTests(factory);
