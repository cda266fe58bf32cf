using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Modules.Partners;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>Members keep the profile; identity changes send a verified partner back to review; others are refused.</summary>
public abstract class EditPartnerTests(AppFactory factory)
{
    private readonly PartnersTestData _partners = new(factory);

    private async Task<(CommunityRef Community, UserRef Owner, HttpClient Client, Guid Id, Dictionary<string, object?> Body)> VerifiedAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var owner = await factory.Data.UserAsync(community);
        var client = await factory.Data.ApiClientAsync(owner);
        var body = PartnersTestData.Body(community);
        var id = await PartnersTestData.RegisterAsync(client, body);
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/partners/{id}/verify", null)).StatusCode);
        return (community, owner, client, id, body);
    }

    [Fact]
    public async Task Edit_IntroductionAndStrengths_StaysVerified()
    {
        var (_, _, client, id, body) = await VerifiedAsync();
        body["introduction"] = "新的介绍";
        body["strengths"] = new[] { "gardening" };

        var response = await client.PutAsJsonAsync($"/api/v1/partners/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partner = await _partners.LoadAsync(id);
        Assert.Equal((PartnerStatus.Verified, "新的介绍", "gardening"), (partner.Status, partner.Introduction, Assert.Single(partner.Strengths).Code));
        Assert.Contains("partners.edit", (await _partners.AuditOfAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Edit_Name_SendsItBackToReview_AndTellsTheAdmins()
    {
        var (_, _, client, id, body) = await VerifiedAsync();
        var admin = await factory.Data.AdminAsync();
        body["name"] = $"改名后{Guid.NewGuid():N}"[..10];

        var response = await client.PutAsJsonAsync($"/api/v1/partners/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PartnerStatus.Pending, (await _partners.LoadAsync(id)).Status);
        Assert.True(await _partners.QueryAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == admin.Id && n.TextKey == "合伙人“{0}”修改了资料，等待重新审核")));
    }

    [Fact]
    public async Task Edit_BadCreditCode_Is400AndChangesNothing()
    {
        var (_, _, client, id, body) = await VerifiedAsync();
        var before = await _partners.LoadAsync(id);
        body["creditCode"] = "91350100M000100Y44";
        body["introduction"] = "不该保存";

        var response = await client.PutAsJsonAsync($"/api/v1/partners/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["统一社会信用代码最后一位校验不通过，请核对是否抄错"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["creditCode"]);
        var after = await _partners.LoadAsync(id);
        Assert.Equal((before.Introduction, before.Version), (after.Introduction, after.Version));
    }

    [Fact]
    public async Task Edit_ToAnotherPartnersCreditCode_Is400()
    {
        var first = await VerifiedAsync();
        var second = await VerifiedAsync();
        second.Body["creditCode"] = first.Body["creditCode"];

        var response = await second.Client.PutAsJsonAsync($"/api/v1/partners/{second.Id}", second.Body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(second.Body["name"], (await _partners.LoadAsync(second.Id)).Name);
        Assert.NotEqual(first.Body["creditCode"], (await _partners.LoadAsync(second.Id)).CreditCode);
    }

    [Fact]
    public async Task Edit_ByNonMembers_IsRefused()
    {
        var (community, _, _, id, body) = await VerifiedAsync();
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        using var anonymous = await factory.Data.ApiClientAsync(null);
        body["introduction"] = "外人改的";

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PutAsJsonAsync($"/api/v1/partners/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/partners/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/v1/partners/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.PutAsJsonAsync($"/api/v1/partners/{Guid.NewGuid()}", body)).StatusCode);
        Assert.NotEqual("外人改的", (await _partners.LoadAsync(id)).Introduction);
    }

    [Fact]
    public async Task EditPage_ShowsTheProfile_AndSavesAChange()
    {
        var (_, owner, _, id, body) = await VerifiedAsync();
        using var browser = await factory.Data.BrowserAsync(owner);

        var page = await Html.GetAsync(browser, $"/partners/{id}/edit");
        var response = await Html.SubmitFormAsync(browser, $"/partners/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Type"] = "enterprise",
            ["Input.Name"] = (string)body["name"]!,
            ["Input.CreditCode"] = (string)body["creditCode"]!,
            ["Input.ContactName"] = "新联系人",
            ["Input.ContactPhone"] = (string)body["contactPhone"]!,
            ["Input.Introduction"] = "页面改的介绍",
            ["Input.Strengths"] = "it",
            ["Input.Communities"] = ((string[])body["communities"]!)[0],
        });

        Assert.Equal((string)body["name"]!, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Name']")!).Value);
        Assert.Equal((HttpStatusCode.Redirect, $"/partners/{id}"), (response.StatusCode, Responses.LocationPath(response)));
        var partner = await _partners.LoadAsync(id);
        Assert.Equal(("新联系人", "页面改的介绍", PartnerStatus.Verified), (partner.ContactName, partner.Introduction, partner.Status));
    }
}

[Collection(SqliteLane.Name)]
public sealed class EditPartnerTestsOnSqlite(SqliteAppFactory factory) : EditPartnerTests(factory);

[Collection(PostgresLane.Name)]
public sealed class EditPartnerTestsOnPostgres(PostgresAppFactory factory) : EditPartnerTests(factory);
