using System.Net;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The pages: staff award at /admin/points/awards, residents redeem at /points/items, merchants confirm at /merchant/points.</summary>
public abstract class PointsPageTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task AwardPage_StaffAwardsOnce_EvenWhenTheFormIsSentTwice()
    {
        var world = await _points.WorldAsync(points: 8);
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        using var staff = await factory.Data.BrowserAsync(world.Staff);
        var page = await Html.GetAsync(staff, "/admin/points/awards");
        var token = page.QuerySelector("form[action*='handler=Award'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var key = page.QuerySelector("input[name='Input.Key']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Key"] = key,
            ["Input.Phone"] = resident.Phone,
            ["Input.ActivityType"] = "volunteer",
        };

        var first = await staff.PostAsync("/admin/points/awards?handler=Award", new FormUrlEncodedContent(fields));
        var again = await staff.PostAsync("/admin/points/awards?handler=Award", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        using var client = await factory.Data.ApiClientAsync(resident);
        Assert.Equal((8L, 0L, 1), await PointsTestData.PassbookAsync(client));
    }

    [Fact]
    public async Task AwardPage_ResidentOfAnotherCommunity_ShowsTheRefusal()
    {
        var world = await _points.WorldAsync();
        var elsewhere = await factory.Data.UserAsync(await factory.Data.CommunityAsync(), "外社区居民");
        using var staff = await factory.Data.BrowserAsync(world.Staff);

        var response = await Html.SubmitFormAsync(staff, "/admin/points/awards",
            new Dictionary<string, string> { ["Input.Phone"] = elsewhere.Phone, ["Input.ActivityType"] = "volunteer" }, handler: "Award");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只能给本社区的居民发放积分", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task RedeemAndConfirm_ThroughThePages_MovePointsToTheMerchant()
    {
        var world = await _points.WorldAsync(points: 30);
        var (resident, _) = await _points.ResidentAsync(world);
        var item = await PointsTestData.ItemAsync(world, price: 10, stock: 2);
        using var residentBrowser = await factory.Data.BrowserAsync(resident);
        using var merchantBrowser = await factory.Data.BrowserAsync(world.Member);

        var form = (await Html.GetAsync(residentBrowser, "/points/items")).QuerySelectorAll("form")
            .First(f => (f.GetAttribute("action") ?? "").Contains(item.ToString(), StringComparison.OrdinalIgnoreCase));
        var hidden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        var redeemed = await residentBrowser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(hidden));
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        var passbook = await Html.GetAsync(residentBrowser, "/points");
        var code = passbook.QuerySelector("#pending .redemption-code")!.TextContent.Trim();
        Assert.Equal("20", passbook.QuerySelector("#balance")!.TextContent.Trim());

        var confirmed = await Html.SubmitFormAsync(merchantBrowser, "/merchant/points", new Dictionary<string, string> { ["Code"] = code.ToLowerInvariant() }, handler: "Confirm");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var desk = await Html.GetAsync(merchantBrowser, "/merchant/points");
        Assert.Equal("10", desk.QuerySelector("#earned")!.TextContent.Trim());
        Assert.Contains("已核销", desk.QuerySelector("#recent")!.TextContent);
        var after = await Html.GetAsync(residentBrowser, "/points");
        Assert.Null(after.QuerySelector("#pending"));
        Assert.Equal("0", after.QuerySelector("#held")!.TextContent.Trim());
    }

    [Fact]
    public async Task MerchantDesk_AnotherShopsCode_ShowsTheRefusal_NonMember_IsForbidden()
    {
        var world = await _points.WorldAsync(points: 30);
        var (resident, client) = await _points.ResidentAsync(world);
        var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(client, await PointsTestData.ItemAsync(world, price: 10, stock: 2)));
        var (_, otherMember) = await _points.MerchantAsync(world.Community);
        using var other = await factory.Data.BrowserAsync(otherMember);
        using var residentBrowser = await factory.Data.BrowserAsync(resident);

        var refused = await Html.SubmitFormAsync(other, "/merchant/points", new Dictionary<string, string> { ["Code"] = code }, handler: "Confirm");
        var nonMember = await residentBrowser.GetAsync("/merchant/points");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只能核销本店的兑换码", (await Html.ParseAsync(refused)).QuerySelector("main")!.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, nonMember.StatusCode);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsPageTestsOnSqlite(SqliteAppFactory factory) : PointsPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PointsPageTestsOnPostgres(PostgresAppFactory factory) : PointsPageTests(factory);
