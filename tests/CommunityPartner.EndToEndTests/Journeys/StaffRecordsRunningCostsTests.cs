using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// 自我造血 on a phone: community staff open the running costs of their operating 长者助餐点, type an amount that is
/// not a number (refused in plain Chinese, nothing saved), record May 2025's costs and funding, and see the
/// self-sustainability rate it makes on the page, in the live 2025-Q2 bill and in the bill's list of records.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class StaffRecordsRunningCostsTests(BrowserHost host)
{
    [Fact]
    public async Task StaffRecordsAMonth_BadAmountRefused_RateShowsInTheBill()
    {
        var data = new RunningCostsTestData(host.App);
        var (community, staff, staffClient) = await data.CommunityAsync();
        var projectId = await data.OperatingProjectAsync(staffClient, community, "长者助餐点");

        await using var phone = await host.StartJourneyAsync(nameof(StaffRecordsRunningCostsTests), 360, 640);
        var page = phone.Page;
        await phone.SignInAsync(staff.Phone, TestData.Password);
        await page.GotoAsync($"/projects/{projectId}");
        await page.Locator($"main a[href='/projects/{projectId}/running-costs']").ClickAsync();
        await page.WaitForAddressAsync("**/running-costs");
        await Expect(page.Locator("main")).ToContainTextAsync("还没有记录。");
        await phone.CheckPageAsync("1-running-costs-empty-phone");

        // The amount boxes are number inputs, which Chromium never sends as text; a browser without them (or a pasted
        // "一千") does, and the server must refuse it in words a resident understands. Typing into a text box is that.
        await page.Locator("#Input_Month").FillAsync("2025-05");
        await page.Locator("#Input_CostsYuan").EvaluateAsync("e => e.type = 'text'");
        await page.Locator("#Input_CostsYuan").FillAsync("一千");
        await page.Locator("#Input_OwnIncomeYuan").FillAsync("4000");
        await page.Locator("#Input_MerchantYuan").FillAsync("1000");
        await page.Locator("#Input_PartnerYuan").FillAsync("1000");
        await page.Locator("#Input_DistrictYuan").FillAsync("4000");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("有 1 处需要修改");
        await Expect(page.Locator("main")).ToContainTextAsync("运营成本（元）要填数字，例如 1200，不能填“一千”。");
        await Expect(page.Locator("main")).ToContainTextAsync("还没有记录。");
        Assert.Equal(0, await data.CountAsync(projectId));
        await phone.CheckPageAsync("2-bad-amount-refused-phone");

        await page.Locator("#Input_Month").FillAsync("2025-05");
        await page.Locator("#Input_CostsYuan").FillAsync("10000");
        await page.Locator("#Input_OwnIncomeYuan").FillAsync("4000");
        await page.Locator("#Input_MerchantYuan").FillAsync("1000");
        await page.Locator("#Input_PartnerYuan").FillAsync("1000");
        await page.Locator("#Input_DistrictYuan").FillAsync("4000");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已记录 2025-05 的运营收支。");

        // (4 000 + 1 000 + 1 000) ÷ 10 000; the district's 4 000 is not self-funding.
        await Expect(page.Locator("main .sus-rate")).ToHaveTextAsync("60.0%");
        await Expect(page.Locator("tr[data-month='2025-05'] td").First).ToHaveTextAsync("10,000");
        Assert.Equal(1, await data.CountAsync(projectId));
        await phone.CheckPageAsync("3-month-recorded-phone");

        await page.GotoAsync($"/bills/draft?community={community.Code}&period=2025-Q2");
        await Expect(page.Locator(".bill-sustainability .card .sus-rate")).ToHaveTextAsync("60.0%");
        await Expect(page.Locator(".sus-projects tr[data-project]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".sus-projects tr[data-project] th")).ToHaveTextAsync("长者助餐点");
        await phone.CheckPageAsync("4-draft-bill-sustainability-phone");

        await page.Locator(".bill-sustainability .card a.sus-count").ClickAsync();
        await page.WaitForAddressAsync("**/bills/sustainability?**");
        await Expect(page.Locator("tr.sus-record")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.sus-record th")).ToHaveTextAsync("2025-05");
        await Expect(page.Locator(".sus-records tfoot th")).ToContainTextAsync("60.0%");
        await phone.CheckPageAsync("5-sustainability-records-phone");
    }
}
