using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Cooperation;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// A partner member on a 360 px phone offers service hours and money to a recruiting project; the community's staff
/// at a desk accept; both confirm the cooperation intent (the partner in 长辈版); staff mark the project matched.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class PartnerOffersAndBothSignTests(BrowserHost host)
{
    [Fact]
    public async Task PartnerOffers_StaffAccepts_BothSign_ProjectIsMatched()
    {
        var w = await new CooperationTestData(host.App).WorldAsync();
        string offerPath;

        await using (var phone = await host.StartJourneyAsync(nameof(PartnerOffersAndBothSignTests), 360, 640))
        {
            await phone.SignInAsync(w.Partner.Member.Phone, TestData.Password);
            await phone.Page.GotoAsync($"/projects/{w.ProjectId}");
            await phone.CheckPageAsync("1-partner-project-phone");
            await phone.Page.Locator($"main a[href='/projects/{w.ProjectId}/offer']").ClickAsync();
            await phone.Page.WaitForAddressAsync($"**/projects/{w.ProjectId}/offer");
            await phone.CheckPageAsync("2-partner-offer-form-phone");
            await phone.Page.Locator("#Lines_0__Kind").SelectOptionAsync("service");
            await phone.Page.Locator("#Lines_0__NeedId").SelectOptionAsync(w.ServiceAsk.ToString());
            await phone.Page.Locator("#Lines_0__What").FillAsync("回收设备安装调试");
            await phone.Page.Locator("#Lines_0__Hours").FillAsync("40");
            await phone.Page.Locator("#Lines_0__Yuan").FillAsync("8000");
            await phone.Page.Locator("#Lines_1__Kind").SelectOptionAsync("money");
            await phone.Page.Locator("#Lines_1__NeedId").SelectOptionAsync(w.FundingAsk.ToString());
            await phone.Page.Locator("#Lines_1__Yuan").FillAsync("50000");
            await phone.Page.Locator("#Message").FillAsync("下周可以进场");
            await phone.Page.Locator("main form button[type=submit]").ClickAsync();
            await phone.Page.WaitForAddressAsync("**/offers/*");
            offerPath = new Uri(phone.Page.Url).AbsolutePath;
            await Expect(phone.Page.Locator("main")).ToContainTextAsync("回收设备安装调试");
            await phone.CheckPageAsync("3-partner-offer-phone");
        }

        await using (var desk = await host.StartJourneyAsync(nameof(PartnerOffersAndBothSignTests)))
        {
            await desk.SignInAsync(w.Staff.Phone, TestData.Password);
            await desk.Page.GotoAsync("/admin/offers");
            await desk.CheckPageAsync("4-staff-offers");
            await desk.Page.Locator($"main a[href='{offerPath}']").ClickAsync();
            await desk.Page.WaitForAddressAsync($"**{offerPath}");
            await desk.CheckPageAsync("5-staff-offer");
            await desk.Page.Locator("form[action*='handler=Accept'] button").ClickAsync();
            await desk.Page.Locator("main a[href^='/intents/']").ClickAsync();
            await desk.Page.WaitForAddressAsync("**/intents/*");
            await desk.CheckPageAsync("6-staff-intent");
            await desk.Page.Locator("form[action*='handler=Confirm'] button").ClickAsync();
            await Expect(desk.Page.Locator(".flash")).ToBeVisibleAsync();
        }

        await using (var phone = await host.StartJourneyAsync(nameof(PartnerOffersAndBothSignTests), 360, 640))
        {
            await phone.SignInAsync(w.Partner.Member.Phone, TestData.Password);
            await phone.Page.GotoAsync(offerPath);
            await phone.Page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
            await Expect(phone.Page.Locator("html")).ToHaveClassAsync("elder");
            await phone.Page.Locator("main a[href^='/intents/']").ClickAsync();
            await phone.Page.WaitForAddressAsync("**/intents/*");
            await phone.CheckPageAsync("7-partner-intent-elder-phone");
            await phone.Page.Locator("form[action*='handler=Confirm'] button").ClickAsync();
            await Expect(phone.Page.Locator("main .meta .status").First).ToHaveTextAsync("已签署");
            await phone.CheckPageAsync("8-partner-intent-signed-elder-phone");
        }

        await using var staff = await host.StartJourneyAsync(nameof(PartnerOffersAndBothSignTests));
        await staff.SignInAsync(w.Staff.Phone, TestData.Password);
        await staff.Page.GotoAsync($"/admin/offers?project={w.ProjectId}");
        await staff.CheckPageAsync("9-staff-coverage");
        await staff.Page.Locator("form[action*='handler=Match'] button").ClickAsync();
        await Expect(staff.Page.Locator(".flash")).ToContainTextAsync("项目已标记为已对接");
        await staff.CheckPageAsync("10-staff-matched");
    }
}
