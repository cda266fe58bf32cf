using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// Staff at a desk read their community's live 2025-Q2 figures and publish the bill; a visitor on a 360 px phone
/// opens it, drills into 已解决 and sees exactly the need it counts, then reads the bill in 长辈版.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class StaffPublishesBillVisitorDrillsDownTests(BrowserHost host)
{
    [Fact]
    public async Task StaffPublish_VisitorOpensResolved_SeesTheNeedsItCounts()
    {
        var (actors, built) = await new BillsTestData(host.App).QuarterAsync();
        var resolvedTitle = await new NeedsTestData(host.App).QueryAsync(db => Task.FromResult(db.Set<Need>().Single(n => n.Id == built["satisfied"]).Title));
        var bill = $"/bills?community={actors.Community.Code}&period={BillsTestData.Period}";

        await using (var desk = await host.StartJourneyAsync(nameof(StaffPublishesBillVisitorDrillsDownTests)))
        {
            var page = desk.Page;
            await page.GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(bill)}");
            await page.Locator("#Input_Phone").FillAsync(actors.Staff.Phone);
            await page.Locator("#Input_Password").FillAsync(TestData.Password);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForAddressAsync("**/bills?**");
            await Expect(page.Locator("main")).ToContainTextAsync("这一期账单尚未发布");
            await desk.CheckPageAsync("1-staff-unpublished");

            await page.Locator("main a[href^='/bills/draft']").ClickAsync();
            await page.WaitForAddressAsync("**/bills/draft?**");
            await Expect(page.Locator(".bill-rates .bill-big").First).ToHaveTextAsync("80.0%");
            await desk.CheckPageAsync("2-staff-draft");

            await page.Locator("#publish-title + form button[type=submit]").ClickAsync();
            await page.WaitForAddressAsync("**version=1");
            await Expect(page.Locator("main")).ToContainTextAsync("第 1 版");
            await desk.CheckPageAsync("3-staff-published");
        }

        await using var phone = await host.StartJourneyAsync(nameof(StaffPublishesBillVisitorDrillsDownTests), 360, 640);
        var visitor = phone.Page;
        await visitor.GotoAsync("/bills");
        await visitor.Locator("#community").SelectOptionAsync(actors.Community.Code);
        await visitor.Locator("#period").SelectOptionAsync(BillsTestData.Period);
        await visitor.Locator("main form button[type=submit]").ClickAsync();
        await visitor.WaitForAddressAsync($"**period={BillsTestData.Period}**");
        await Expect(visitor.Locator(".bill-rates .bill-big")).ToHaveTextAsync(["80.0%", "25.0%", "50.0%"]);
        await phone.CheckPageAsync("4-visitor-bill-phone");
        await AssertNoSidewaysScrollAsync(visitor);

        await visitor.Locator("a.bill-count[href*='figure=resolved&']").ClickAsync();
        await visitor.WaitForAddressAsync("**figure=resolved**");
        await Expect(visitor.Locator("main h1")).ToContainTextAsync("已解决");
        await Expect(visitor.Locator(".bill-records li a")).ToHaveTextAsync([resolvedTitle]);
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(actors.Raiser.Phone);
        await phone.CheckPageAsync("5-visitor-resolved-records-phone");

        await visitor.Locator("main a", new() { HasText = "返回账单" }).ClickAsync();
        await visitor.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
        await Expect(visitor.Locator("html")).ToHaveClassAsync("elder");
        await AssertNoSidewaysScrollAsync(visitor);
        await phone.CheckPageAsync("6-visitor-bill-elder-phone");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px.");
    }
}
