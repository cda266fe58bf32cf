using System.Text.RegularExpressions;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// An anonymous visitor reads the public problem list: searches a two-character Chinese term and a mixed
/// Chinese/Latin one, filters by category and status, and opens a need whose raiser is masked.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed partial class VisitorSearchesNeedsTests(BrowserHost host)
{
    private const string Raiser = "张秀英";
    private const string FireLane = "东门停车位太少，晚上车都停进了消防通道";
    private const string Garage = "地下车库停车收费标准不公开";
    private const string GarbageRoom = "5 栋垃圾房满溢，气味很大";
    private const string Wifi = "老年活动室WiFi信号太差，视频总是卡";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 360, 640)]
    public async Task SearchFilterAndOpen_AnonymousVisitor_FindsNeedsAndSeesTheRaiserMasked(string device, int width, int height)
    {
        var (community, raiser) = await NeedsAsync();
        await using var journey = await host.StartJourneyAsync($"{nameof(VisitorSearchesNeedsTests)}-{device}", width, height);
        var page = journey.Page;

        await page.GotoAsync("/");
        await page.Locator("header nav a[href='/needs']").ClickAsync();
        await page.WaitForAddressAsync(ListUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("问题清单");
        await journey.CheckPageAsync("1-list");

        // Two characters, the way people search in Chinese.
        await page.Locator("#q").FillAsync("停车");
        await page.Locator("#community").SelectOptionAsync(community.Code);
        await FilterAsync(page, "q=停车");
        await ExpectTitlesAsync(page, Garage, FireLane);
        await Expect(page.Locator("#q")).ToHaveValueAsync("停车");
        await journey.CheckPageAsync("2-search-parking");

        // Mixed Chinese and Latin, typed in another case than the need's.
        await page.Locator("#q").FillAsync("wifi信号");
        await FilterAsync(page, "q=wifi信号");
        await ExpectTitlesAsync(page, Wifi);
        await journey.CheckPageAsync("3-search-mixed");

        await page.Locator("#q").FillAsync("");
        await page.Locator("#category").SelectOptionAsync("sanitation");
        await FilterAsync(page, "category=sanitation");
        await ExpectTitlesAsync(page, GarbageRoom);
        await journey.CheckPageAsync("4-category-sanitation");

        await page.Locator("#category").SelectOptionAsync("parking-traffic");
        await FilterAsync(page, "category=parking-traffic");
        await ExpectTitlesAsync(page, Garage, FireLane);
        var inProgress = page.Locator("main nav.status-tabs a", new() { HasText = "处理中" });
        await Expect(inProgress.Locator(".count")).ToHaveTextAsync("1");
        await inProgress.ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("status=in_progress", StringComparison.Ordinal));
        await Expect(inProgress).ToHaveAttributeAsync("aria-current", "page");
        await ExpectTitlesAsync(page, FireLane);
        await journey.CheckPageAsync("5-parking-in-progress");

        await page.Locator("main ul.needs a", new() { HasText = FireLane }).ClickAsync();
        await page.WaitForAddressAsync(NeedUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync(FireLane);
        await Expect(page.Locator("main .meta .status").First).ToHaveTextAsync("处理中");
        var raisedBy = page.Locator("main dl.facts dt", new() { HasText = "提出人" }).Locator("xpath=following-sibling::dd[1]");
        await Expect(raisedBy).ToHaveTextAsync("张**");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Raiser, text, StringComparison.Ordinal);
        Assert.DoesNotContain(raiser.Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(raiser.Phone[^4..], await page.ContentAsync(), StringComparison.Ordinal);
        // A visitor may only be invited to sign in; no staff panel, no rating.
        await Expect(page.Locator("main a[href^='/account/sign-in']")).ToHaveTextAsync("登录后附议");
        await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await journey.CheckPageAsync("6-need-page");
    }

    /// <summary>A community of its own with four needs in different states, raised and answered over the API.</summary>
    private async Task<(CommunityRef Community, UserRef Raiser)> NeedsAsync()
    {
        var community = await host.Data.CommunityAsync($"梧桐社区{Guid.NewGuid():N}"[..8]);
        var raiser = await host.Data.UserAsync(community, Raiser);
        using var raiserClient = await host.Data.ApiClientAsync(raiser);
        using var staffClient = await host.Data.ApiClientAsync(await host.Data.StaffAsync(community));

        var fireLane = await NeedsTestData.RaiseAsync(raiserClient, community, Words(FireLane, "东门外的消防通道被私家车占满，救护车进不来。"), "parking-traffic");
        await NeedsTestData.MoveAsync(staffClient, fireLane, "respond", "已联系交警和物业，本周内划线。");
        await NeedsTestData.MoveAsync(staffClient, fireLane, "start", null);
        await NeedsTestData.RaiseAsync(raiserClient, community, Words(Garage, "车库月租每个月都在变，没有公示。"), "parking-traffic");
        var garbage = await NeedsTestData.RaiseAsync(raiserClient, community, Words(GarbageRoom, "垃圾房两天没有清运。"));
        await NeedsTestData.MoveAsync(staffClient, garbage, "respond", "今天下午清运。");
        await NeedsTestData.RaiseAsync(raiserClient, community, Words(Wifi, "活动室里老人想和子女视频，网络太慢。"), "culture-sports");
        return (community, raiser);
    }

    private static NeedWords Words(string title, string description) => new(title, description, "小区东门");

    /// <summary>Submits the filter form and waits for the list it leads to (its address carries <paramref name="expected"/>).</summary>
    private static async Task FilterAsync(IPage page, string expected)
    {
        await page.Locator("main form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => Uri.UnescapeDataString(url).Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>The list shows exactly these needs, newest first.</summary>
    private static Task ExpectTitlesAsync(IPage page, params string[] newestFirst) =>
        Expect(page.Locator("main ul.needs li.need > a")).ToHaveTextAsync(newestFirst);

    [GeneratedRegex(@"/needs$")]
    private static partial Regex ListUrl();

    [GeneratedRegex(@"/needs/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex NeedUrl();
}
