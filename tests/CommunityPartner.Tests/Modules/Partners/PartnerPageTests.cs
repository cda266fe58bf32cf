using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Partners;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>The register form, the admin's review page and the public list, as a browser uses them.</summary>
public abstract class PartnerPageTests(AppFactory factory)
{
    private readonly PartnersTestData _partners = new(factory);

    private static Dictionary<string, string> Fields(CommunityRef community, Dictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = "merchant",
            ["Input.Name"] = $"测试商家{Guid.NewGuid():N}"[..12],
            ["Input.CreditCode"] = PartnersTestData.NewCreditCode(),
            ["Input.ContactName"] = "赵老板",
            ["Input.ContactPhone"] = TestData.NewPhone(),
            ["Input.Introduction"] = "社区门口的便利店。",
            ["Input.Strengths"] = "catering",
            ["Input.Communities"] = community.Code,
        };
        foreach (var (key, value) in changes ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }

    [Fact]
    public async Task RegisterPage_Good_RedirectsToThePartnerPageWhichShowsItPending()
    {
        var community = await factory.Data.CommunityAsync();
        var user = await factory.Data.UserAsync(community);
        using var browser = await factory.Data.BrowserAsync(user);
        var fields = Fields(community);

        var response = await Html.SubmitFormAsync(browser, "/partners/register", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = Responses.LocationPath(response)!;
        var id = Guid.Parse(path["/partners/".Length..]);
        var partner = await _partners.LoadAsync(id);
        Assert.Equal((PartnerType.Merchant, PartnerStatus.Pending, fields["Input.CreditCode"]), (partner.Type, partner.Status, partner.CreditCode));
        Assert.Equal([user.Id], partner.Members.Select(m => m.UserId));
        var page = await Html.GetAsync(browser, path);
        Assert.Contains(fields["Input.Name"], page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("待审核", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Type", "", "请选择合伙人类型：企事业单位、爱心商家、社会组织或爱心人士")]
    [InlineData("Input.Name", "", "请填写名称")]
    [InlineData("Input.ContactPhone", "12345", "请填写 11 位手机号码")]
    [InlineData("Input.CreditCode", "", "单位和组织请填写统一社会信用代码")]
    [InlineData("Input.CreditCode", "91350100M000100Y4", "统一社会信用代码应为 18 位")]
    [InlineData("Input.CreditCode", "91350100M000100Y44", "统一社会信用代码最后一位校验不通过，请核对是否抄错")]
    [InlineData("Input.CreditCode", "91350100M000101Y43", "统一社会信用代码第 9–17 位（组织机构代码）校验不通过，请核对是否抄错")]
    [InlineData("Input.Strengths", "", "请至少选择一项擅长的事")]
    [InlineData("Input.Communities", "", "请至少选择一个服务的社区")]
    public async Task RegisterPage_BadField_ShowsTheChineseErrorAndStoresNothing(string field, string value, string message)
    {
        var community = await factory.Data.CommunityAsync();
        using var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community));
        var rows = await _partners.CountRowsAsync();

        var response = await Html.SubmitFormAsync(browser, "/partners/register", Fields(community, new() { [field] = value }));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, Html.FieldErrors(page).Concat(page.QuerySelectorAll("main fieldset > p.error").Select(e => e.TextContent.Trim())));
        Assert.Equal(rows, await _partners.CountRowsAsync());
    }

    [Fact]
    public async Task RegisterPage_Anonymous_GoesToSignIn()
    {
        using var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync("/partners/register");

        Assert.Equal((HttpStatusCode.Redirect, "/account/sign-in"), (response.StatusCode, Responses.LocationPath(response)));
    }

    private async Task<(Guid Id, string Name, IHtmlFormElement Form, HttpClient Admin)> PendingOnAdminPageAsync()
    {
        var community = await factory.Data.CommunityAsync();
        using var member = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var body = PartnersTestData.Body(community);
        var id = await PartnersTestData.RegisterAsync(member, body);
        var admin = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());
        var page = await Html.GetAsync(admin, "/admin/partners");
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]")
            .Single(f => (f.GetAttribute("action") ?? "").Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        return (id, (string)body["name"]!, form, admin);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, string decision, string reason)
    {
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        values["decision"] = decision;
        values["Reason"] = reason;
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task AdminPage_Verify_VerifiesAndLeavesTheQueue()
    {
        var (id, name, form, admin) = await PendingOnAdminPageAsync();

        var response = await PostAsync(admin, form, "verify", "");

        Assert.Equal((HttpStatusCode.Redirect, "/admin/partners"), (response.StatusCode, Responses.LocationPath(response)));
        Assert.Equal(PartnerStatus.Verified, (await _partners.LoadAsync(id)).Status);
        var page = await Html.GetAsync(admin, "/admin/partners");
        Assert.Contains($"已认证“{name}”。", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/partners/{id}");
        admin.Dispose();
    }

    [Fact]
    public async Task AdminPage_RejectWithReason_Rejects_WithoutReason_ShowsErrorAndChangesNothing()
    {
        var (id, _, form, admin) = await PendingOnAdminPageAsync();

        var refused = await PostAsync(admin, form, "reject", " ");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写不通过的理由，合伙人会看到", Html.FieldErrors(await Html.ParseAsync(refused)));
        Assert.Equal(PartnerStatus.Pending, (await _partners.LoadAsync(id)).Status);

        var response = await PostAsync(admin, form, "reject", "营业执照照片看不清");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var partner = await _partners.LoadAsync(id);
        Assert.Equal((PartnerStatus.Rejected, "营业执照照片看不清"), (partner.Status, partner.RejectReason));
        admin.Dispose();
    }

    [Theory]
    [InlineData("resident", "/account/denied")]
    [InlineData("staff", "/account/denied")]
    [InlineData("anonymous", "/account/sign-in")]
    public async Task AdminPage_NotAdmin_IsRefusedOnGetAndPostNothingChanged(string who, string to)
    {
        var (id, _, form, admin) = await PendingOnAdminPageAsync();
        admin.Dispose();
        var community = await factory.Data.CommunityAsync();
        using var browser = await factory.Data.BrowserAsync(who switch
        {
            "resident" => await factory.Data.UserAsync(community),
            "staff" => await factory.Data.StaffAsync(community),
            _ => null,
        });

        var get = await browser.GetAsync("/admin/partners");
        Assert.Equal((HttpStatusCode.Redirect, to), (get.StatusCode, Responses.LocationPath(get)));
        var token = (await Html.GetAsync(browser, "/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["decision"] = "verify",
        }));

        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        Assert.Equal(PartnerStatus.Pending, (await _partners.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task ListPage_ShowsAVerifiedPartner_NotAPendingOne_AndFiltersByType()
    {
        var community = await factory.Data.CommunityAsync();
        using var member = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var verified = PartnersTestData.Body(community, type: "merchant");
        var pending = PartnersTestData.Body(community, type: "merchant");
        var verifiedId = await PartnersTestData.RegisterAsync(member, verified);
        await PartnersTestData.RegisterAsync(member, pending);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/partners/{verifiedId}/verify", null)).StatusCode);
        using var browser = await factory.Data.BrowserAsync(null);

        var page = await Html.GetAsync(browser, $"/partners?community={community.Code}");
        var other = await Html.GetAsync(browser, $"/partners?community={community.Code}&type=individual");

        var names = page.QuerySelectorAll("main .card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([(string)verified["name"]!], names);
        Assert.Equal($"/partners/{verifiedId}", page.QuerySelector("main .card-title a")!.GetAttribute("href"));
        Assert.Empty(other.QuerySelectorAll("main .card-title a"));
        var profile = await Html.GetAsync(browser, $"/partners/{verifiedId}");
        Assert.DoesNotContain((string)verified["contactPhone"]!, profile.Body!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PartnerPageTestsOnSqlite(SqliteAppFactory factory) : PartnerPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PartnerPageTestsOnPostgres(PostgresAppFactory factory) : PartnerPageTests(factory);
