using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Points;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// 积分兑换 end to end: staff set an earn rule and award a resident at a desk; a merchant lists an item; the resident, on
/// a 360 × 640 phone, sees the points in the passbook and redeems the item; the merchant confirms the code at the
/// counter; the passbook shows every movement.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class ResidentEarnsAndRedeemsPointsTests(BrowserHost host)
{
    [Fact]
    public async Task EarnRedeemConfirm_StaffResidentMerchant_PassbookShowsItAll()
    {
        var community = await host.Data.CommunityAsync($"积分社区{Guid.NewGuid():N}"[..8]);
        var resident = await host.Data.UserAsync(community, "张秀英");
        var staff = await host.Data.StaffAsync(community);
        var (_, member) = await new PointsTestData(host.App).MerchantAsync(community);
        var item = $"洗衣皂{Guid.NewGuid():N}"[..7];
        await using var desk = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests) + "-staff");
        await using var shop = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests) + "-merchant");
        await using var phone = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests), 360, 640);

        // Staff set the community's rule for volunteering, then award the resident who took part.
        await desk.SignInAsync(staff.Phone, TestData.Password);
        await desk.Page.GotoAsync("/admin/points/awards");
        await desk.Page.FillAsync("#Rule_ActivityType", "volunteer");
        await desk.Page.FillAsync("#Rule_Name", "志愿服务");
        await desk.Page.FillAsync("#Rule_Points", "20");
        await desk.Page.FillAsync("#Rule_DailyCap", "40");
        await desk.Page.Locator("form[action*='handler=Rule'] button[type=submit]").ClickAsync();
        await Expect(desk.Page.Locator("main .flash")).ToContainTextAsync("已保存积分规则");
        await desk.Page.FillAsync("#Input_Phone", resident.Phone);
        await desk.Page.SelectOptionAsync("#Input_ActivityType", "volunteer");
        await desk.CheckPageAsync("1-staff-award");
        await desk.Page.Locator("form[action*='handler=Award'] button[type=submit]").ClickAsync();
        await Expect(desk.Page.Locator("main .flash")).ToContainTextAsync("已发放 20 积分");

        // The merchant lists an item for 10 points.
        await shop.SignInAsync(member.Phone, TestData.Password);
        await shop.Page.GotoAsync("/merchant/points");
        await shop.Page.FillAsync("#Input_Name", item);
        await shop.Page.FillAsync("#Input_PointsPrice", "10");
        await shop.Page.FillAsync("#Input_Stock", "5");
        await shop.Page.Locator("form[action*='handler=AddItem'] button[type=submit]").ClickAsync();
        await Expect(shop.Page.Locator("main .flash")).ToContainTextAsync("已上架");
        await shop.CheckPageAsync("2-merchant-desk");

        // The resident sees the points and redeems the item.
        await phone.SignInAsync(resident.Phone, TestData.Password);
        await phone.Page.GotoAsync("/points");
        await Expect(phone.Page.Locator("#balance")).ToHaveTextAsync("20");
        await phone.CheckPageAsync("3-passbook");
        await phone.Page.GotoAsync("/points/items");
        await phone.CheckPageAsync("4-items");
        await phone.Page.Locator("#items li", new() { HasText = item }).Locator("button[type=submit]").ClickAsync();
        await phone.Page.WaitForURLAsync("**/points");
        await Expect(phone.Page.Locator("main .flash")).ToContainTextAsync("兑换成功");
        await Expect(phone.Page.Locator("#held")).ToHaveTextAsync("10");
        var code = (await phone.Page.Locator("#pending .redemption-code").TextContentAsync())!.Trim();
        await phone.CheckPageAsync("5-code");

        // The merchant confirms the code at the counter.
        await shop.Page.FillAsync("#Code", code);
        await shop.Page.Locator("form[action*='handler=Confirm'] button[type=submit]").ClickAsync();
        await Expect(shop.Page.Locator("main .flash")).ToContainTextAsync($"已核销兑换码 {code}");
        await Expect(shop.Page.Locator("#earned")).ToHaveTextAsync("10");
        await shop.CheckPageAsync("6-confirmed");

        // The passbook shows it all: the award, the hold, the redemption.
        await phone.Page.ReloadAsync();
        await Expect(phone.Page.Locator("#balance")).ToHaveTextAsync("10");
        await Expect(phone.Page.Locator("#held")).ToHaveTextAsync("0");
        await Expect(phone.Page.Locator("#movements li")).ToHaveCountAsync(3);
        await Expect(phone.Page.Locator("#movements")).ToContainTextAsync("兑换完成");
        await phone.CheckPageAsync("7-passbook-after");
    }
}
