using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Cooperation;
using CommunityPartner.Tests.Modules.Partners;
using CommunityPartner.Web.Platform.Auth;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// A merchant registers on a phone and opts in to the honour wall; the district admin verifies it; it offers goods and
/// service hours to the station; the two sides agree and sign (over the API, as in PartnerOffersAndBothSignTests);
/// the merchant records the hours on its phone; the community confirms at a desk; a visitor in 长辈版 sees the
/// delivered hours on the project page and the merchant on the honour wall.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class MerchantDeliversAndIsHonouredTests(BrowserHost host)
{
    [Fact]
    public async Task MerchantRegisters_IsVerified_Offers_Signs_Delivers_IsConfirmed_AndHonoured()
    {
        var data = new CooperationTestData(host.App);
        var w = await data.WorldAsync();
        var merchant = await host.Data.UserAsync(w.Community, "爱心商户店主", Roles.PartnerMember);
        var name = $"爱心便利店{Guid.NewGuid():N}"[..11];
        Guid partnerId;

        await using (var phone = await host.StartJourneyAsync(nameof(MerchantDeliversAndIsHonouredTests), 360, 640))
        {
            await phone.SignInAsync(merchant.Phone, TestData.Password);
            await phone.Page.GotoAsync("/partners/register");
            await phone.Page.Locator("#Input_Type").SelectOptionAsync("merchant");
            await phone.Page.Locator("#Input_Name").FillAsync(name);
            await phone.Page.Locator("#Input_CreditCode").FillAsync(PartnersTestData.NewCreditCode());
            await phone.Page.Locator("#Input_ContactName").FillAsync("李老板");
            await phone.Page.Locator("#Input_ContactPhone").FillAsync(TestData.NewPhone());
            await phone.Page.Locator("#strength-recycling").CheckAsync();
            await phone.Page.Locator($"#community-{w.Community.Code}").CheckAsync();
            await phone.Page.Locator("#Input_ShowOnHonourWall").CheckAsync();
            await phone.CheckPageAsync("1-merchant-registers-phone");
            await phone.Page.Locator("main form button[type=submit]").ClickAsync();
            await phone.Page.WaitForAddressAsync("**/partners/*");
            partnerId = Guid.Parse(new Uri(phone.Page.Url).AbsolutePath.Split('/')[^1]);
            await phone.CheckPageAsync("2-merchant-pending-phone");
        }

        await using (var desk = await host.StartJourneyAsync(nameof(MerchantDeliversAndIsHonouredTests)))
        {
            await desk.SignInAsync((await host.Data.AdminAsync()).Phone, TestData.Password);
            await desk.Page.GotoAsync("/admin/partners");
            await desk.CheckPageAsync("3-admin-reviews");
            await desk.Page.Locator($"form[action*='{partnerId}'] button[value=verify]").ClickAsync();
            await Expect(desk.Page.Locator(".flash")).ToContainTextAsync(name);
        }

        using var merchantApi = await host.Data.ApiClientAsync(merchant);
        var side = w with { Partner = new PartnerSide(merchant, merchantApi, partnerId) };
        var (_, intentId) = await CooperationTestData.SignedAsync(side,
            [CooperationTestData.Resource("兑换商品 100 份", 2_000, null), CooperationTestData.Service("回收设备日常维护", 10, 2_000, w.ServiceAsk)]);
        var lines = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}")).GetProperty("versions")[0].GetProperty("lines").EnumerateArray().ToList();
        var serviceLine = lines.First(l => l.GetProperty("kind").GetString() == "service").GetProperty("id").GetString()!;

        await using (var phone = await host.StartJourneyAsync(nameof(MerchantDeliversAndIsHonouredTests), 360, 640))
        {
            await phone.SignInAsync(merchant.Phone, TestData.Password);
            await phone.Page.GotoAsync($"/intents/{intentId}");
            await phone.Page.Locator("#Delivery_LineId").SelectOptionAsync(serviceLine);
            await phone.Page.Locator("#Delivery_Yuan").FillAsync("2000");
            await phone.Page.Locator("#Delivery_Hours").FillAsync("10");
            await phone.Page.Locator("#Delivery_Note").FillAsync("十小时维护已完成");
            await phone.CheckPageAsync("4-merchant-records-delivery-phone");
            await phone.Page.Locator("form[action*='handler=Deliver'] button").ClickAsync();
            await Expect(phone.Page.Locator(".flash")).ToBeVisibleAsync();
        }

        await using (var desk = await host.StartJourneyAsync(nameof(MerchantDeliversAndIsHonouredTests)))
        {
            await desk.SignInAsync(w.Staff.Phone, TestData.Password);
            await desk.Page.GotoAsync($"/intents/{intentId}");
            await desk.Page.Locator("form[action*='handler=AcceptDelivery'] button").ClickAsync();
            await Expect(desk.Page.Locator(".flash")).ToBeVisibleAsync();
            await desk.CheckPageAsync("5-staff-confirmed-delivery");
        }

        await using var visitor = await host.StartJourneyAsync(nameof(MerchantDeliversAndIsHonouredTests), 360, 640);
        await visitor.Page.GotoAsync($"/projects/{w.ProjectId}");
        await visitor.Page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
        await Expect(visitor.Page.Locator("html")).ToHaveClassAsync("elder");
        await Expect(visitor.Page.Locator("main .asks-list")).ToContainTextAsync("已兑现 10 小时");
        await Expect(visitor.Page.Locator("main .asks-list")).ToContainTextAsync(name);
        await visitor.CheckPageAsync("6-visitor-project-elder-phone");
        await visitor.Page.GotoAsync($"/honour?community={w.Community.Code}");
        await Expect(visitor.Page.Locator("main table")).ToContainTextAsync(name);
        await visitor.CheckPageAsync("7-visitor-honour-wall-elder-phone");
        await visitor.Page.Locator($"main a[href^='/honour/{partnerId}']").First.ClickAsync();
        await Expect(visitor.Page.Locator("main")).ToContainTextAsync("10 小时");
        await visitor.CheckPageAsync("8-visitor-honour-deliveries-elder-phone");
    }
}
