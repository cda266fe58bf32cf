using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// The district admin reads the dashboard for 2023-Q3 at a desk and on a 360 px phone (and in 长辈版): a community
/// with ten rated needs is ranked, one with nine is not; a resident opens their own personal bill and its card.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class AdminReadsDashboardResidentOpensPersonalBillTests(BrowserHost host)
{
    [Fact]
    public async Task AdminReadsDashboard_ResidentOpensPersonalBill()
    {
        var data = new DashboardTestData(host.App);
        var (ten, _) = await data.CommunityAsync(satisfied: 10, dissatisfied: 0, waiting: 0);
        var (nine, raiser) = await data.CommunityAsync(satisfied: 9, dissatisfied: 0, waiting: 1);
        var admin = await host.App.Data.AdminAsync();
        var url = $"/dashboard?period={DashboardTestData.Period}";

        await using (var desk = await host.StartJourneyAsync(nameof(AdminReadsDashboardResidentOpensPersonalBillTests)))
        {
            var page = desk.Page;
            await page.GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(url)}");
            await page.Locator("#Input_Phone").FillAsync(admin.Phone);
            await page.Locator("#Input_Password").FillAsync(TestData.Password);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForAddressAsync("**/dashboard?**");
            await Expect(page.Locator($"tr[data-community='{nine.Code}'] .dash-rank")).ToHaveTextAsync("评价不足，不排名");
            await Expect(page.Locator($"tr[data-community='{ten.Code}'] .dash-rank")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\s*[0-9]+\\s*$"));
            await Expect(page.Locator("svg.trend-chart")).ToBeVisibleAsync();
            await desk.CheckPageAsync("1-admin-dashboard-desktop");

            await page.Locator($"tr[data-community='{nine.Code}'] a.dash-overdue").ClickAsync();
            await page.WaitForAddressAsync("**/dashboard/overdue?**");
            await Expect(page.Locator(".bill-records li")).ToHaveCountAsync(1);
            await desk.CheckPageAsync("2-admin-overdue");
        }

        await using (var phone = await host.StartJourneyAsync(nameof(AdminReadsDashboardResidentOpensPersonalBillTests), 360, 640))
        {
            var page = phone.Page;
            await phone.SignInAsync(admin.Phone, TestData.Password);
            await page.GotoAsync(url);
            await Expect(page.Locator("svg.trend-chart")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(page);
            await phone.CheckPageAsync("3-admin-dashboard-phone");

            await page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
            await Expect(page.Locator("html")).ToHaveClassAsync("elder");
            await AssertNoSidewaysScrollAsync(page);
            await phone.CheckPageAsync("4-admin-dashboard-elder-phone");
        }

        await using var resident = await host.StartJourneyAsync(nameof(AdminReadsDashboardResidentOpensPersonalBillTests), 360, 640);
        await resident.SignInAsync(raiser.Phone, TestData.Password);
        await resident.Page.GotoAsync("/me/bill?year=2023");
        await Expect(resident.Page.Locator(".bill-records li")).ToHaveCountAsync(10);
        await Expect(resident.Page.Locator(".personal-card img")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(resident.Page);
        await resident.CheckPageAsync("5-resident-personal-bill-phone");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px.");
    }
}
