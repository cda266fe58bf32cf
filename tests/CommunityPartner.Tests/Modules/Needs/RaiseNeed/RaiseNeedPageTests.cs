using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Needs.RaiseNeed;

/// <summary>The /needs/new page: the form a resident fills on a phone, and staff use for a phone call or a visit.</summary>
public abstract class RaiseNeedPageTests(AppFactory factory)
{
    private readonly NeedFactory _needs = new(factory);

    [Fact]
    public async Task RaisePage_ValidFormWithPhoto_RedirectsToNeedPageShowingTheNeedAndItsPhoto()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, "孙阿姨");
        var browser = await factory.Data.BrowserAsync(resident);
        var before = await _needs.CountNeedsAsync();

        var response = await MultipartForms.SubmitAsync(browser, "/needs/new", Fields(community, "健身器材螺丝松动有危险"), [UploadFile.Jpeg("器材.jpg")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = Responses.LocationPath(response);
        Assert.Matches("^/needs/[0-9a-f-]{36}$", path);
        var id = Guid.Parse(path["/needs/".Length..]);
        Assert.Equal(before + 1, await _needs.CountNeedsAsync());
        var need = await _needs.LoadAsync(id);
        Assert.Equal(NeedStatus.Submitted, need.Status);
        Assert.Equal(resident.Id, need.RaiserId);
        Assert.Equal((await _needs.CategoryAsync("safety")).Id, need.CategoryId);
        Assert.Equal(NeedEventKind.Submitted, Assert.Single(need.Events).Kind);
        Assert.Single(await _needs.AuditAsync("needs.raise", id));

        var page = await Html.GetAsync(browser, path);
        Assert.Equal("健身器材螺丝松动有危险", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains("待回应", page.QuerySelector("main .status")?.TextContent);
        Assert.Contains("提出诉求", page.QuerySelector("main .timeline")?.TextContent);
        var img = page.QuerySelector("main .photos img");
        Assert.NotNull(img);
        var photo = await browser.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RaisePage_StaffWalkInForResident_RecordsChannelStaffAndRaiser()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, "钱大爷");
        var staff = await factory.Data.StaffAsync(community);
        var browser = await factory.Data.BrowserAsync(staff);
        var form = await Html.GetAsync(browser, $"/needs/new?community={community.Code}");
        Assert.NotNull(form.QuerySelector("#Input_Channel"));
        var fields = Fields(community, "老人上门反映：楼道堆放杂物");
        fields["Input.Channel"] = nameof(NeedChannel.WalkIn);
        fields["Input.OnBehalfOfPhone"] = resident.Phone;

        var response = await MultipartForms.SubmitAsync(browser, $"/needs/new?community={community.Code}", fields, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var need = await _needs.LoadAsync(Guid.Parse(Responses.LocationPath(response)["/needs/".Length..]));
        Assert.Equal(NeedChannel.WalkIn, need.Channel);
        Assert.Equal(staff.Id, need.RecordedById);
        Assert.Equal(resident.Id, need.RaiserId);
    }

    [Fact]
    public async Task RaisePage_ResidentPostingStaffChannel_IsRecordedAsTheirOwnWebNeed()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community);
        var browser = await factory.Data.BrowserAsync(resident);
        var form = await Html.GetAsync(browser, "/needs/new");
        Assert.Null(form.QuerySelector("#Input_Channel"));
        var fields = Fields(community, "居民自己提交的诉求");
        fields["Input.Channel"] = nameof(NeedChannel.Hotline);

        var response = await MultipartForms.SubmitAsync(browser, "/needs/new", fields, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var need = await _needs.LoadAsync(Guid.Parse(Responses.LocationPath(response)["/needs/".Length..]));
        Assert.Equal(NeedChannel.Web, need.Channel);
        Assert.Equal(resident.Id, need.RaiserId);
        Assert.Null(need.RecordedById);
    }

    [Fact]
    public async Task RaisePage_ResidentOpensForm_HasTheirCommunityPreselected()
    {
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community));

        var page = await Html.GetAsync(browser, "/needs/new");

        Assert.Equal(community.Code, page.QuerySelector<IHtmlSelectElement>("#Input_CommunityCode")?.Value);
        var active = await _needs.QueryAsync(db => db.Set<NeedCategory>().CountAsync(c => c.IsActive));
        Assert.Equal(active + 1, page.QuerySelectorAll("#Input_CategoryCode option").Length); // "请选择" first
        Assert.NotNull(page.QuerySelector("#Input_CategoryCode option[value=sanitation]"));
    }

    [Fact]
    public async Task RaisePage_Anonymous_RedirectsToSignIn()
    {
        var browser = await factory.Data.BrowserAsync(null);

        var response = await browser.GetAsync("/needs/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", Responses.LocationPath(response));
    }

    [Fact]
    public async Task RaisePage_UnreadableValueBesideAMissingTitle_BothExplainedInTheReadersLanguage_NothingStored()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.UserAsync(community, "周大爷");
        var browser = await factory.Data.BrowserAsync(resident);
        var before = await _needs.CountNeedsAsync();
        var fields = Fields(community, "");
        fields["Input.Latitude"] = "北边";

        var chinese = await Html.ParseAsync(await MultipartForms.SubmitAsync(browser, "/needs/new", fields, []));
        var english = await Html.ParseAsync(await MultipartForms.SubmitAsync(browser, "/needs/new?culture=en", fields, []));

        Assert.Contains("“北边”不是这一项能填的内容，请按提示重新填写", Html.FieldErrors(chinese));
        Assert.Contains("“北边” is not something this field takes; please fill it in as the hint says", Html.FieldErrors(english));
        foreach (var page in new[] { chinese, english })
        {
            // ASP.NET's own English message would name the property ("… is not valid for Latitude.").
            Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Latitude", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await _needs.CountNeedsAsync());
    }

    private static Dictionary<string, string> Fields(CommunityRef community, string title) => new()
    {
        ["Input.CommunityCode"] = community.Code,
        ["Input.CategoryCode"] = "safety",
        ["Input.Title"] = title,
        ["Input.Description"] = NeedFactory.Description,
        ["Input.Address"] = "中心广场",
    };
}

[Collection(SqliteLane.Name)]
public sealed class RaiseNeedPageTestsOnSqlite(SqliteAppFactory factory) : RaiseNeedPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RaiseNeedPageTestsOnPostgres(PostgresAppFactory factory) : RaiseNeedPageTests(factory);
