using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Points;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// 积分兑换 end to end: staff set an earn rule and open a check-in activity (code and QR code); the resident, on a
/// 360 × 640 phone, opens the check-in link and gets the points; the station operator records the resident's recycling;
/// a merchant lists an item with a photo; the resident redeems it and shows the code (text and QR); the merchant confirms it at the
/// counter; the passbook shows every movement.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class ResidentEarnsAndRedeemsPointsTests(BrowserHost host)
{
    [Fact]
    public async Task CheckInDropOffRedeemConfirm_StaffResidentOperatorMerchant_PassbookShowsItAll()
    {
        var community = await host.Data.CommunityAsync($"积分社区{Guid.NewGuid():N}"[..8]);
        var resident = await host.Data.UserAsync(community, "张秀英");
        var staff = await host.Data.StaffAsync(community);
        var operatorUser = await host.Data.UserAsync(community, "驿站运营", Roles.StationOperator);
        using (var staffApi = await host.Data.ApiClientAsync(staff))
        {
            var created = await staffApi.PostAsJsonAsync("/api/v1/stations", new { name = "绿色驿站", operatorPhones = new[] { operatorUser.Phone } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var stationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await staffApi.PutAsJsonAsync($"/api/v1/stations/{stationId}/rates/paper", new { name = "纸类", pointsPerKg = 10 })).StatusCode);
        }

        var (_, member) = await new PointsTestData(host.App).MerchantAsync(community);
        var item = $"洗衣皂{Guid.NewGuid():N}"[..7];
        await using var desk = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests) + "-staff");
        await using var shop = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests) + "-merchant");
        await using var station = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests) + "-station");
        await using var phone = await host.StartJourneyAsync(nameof(ResidentEarnsAndRedeemsPointsTests), 360, 640);

        // Staff set the community's rule for volunteering, then open a check-in activity for today's clean-up.
        await desk.SignInAsync(staff.Phone, TestData.Password);
        await desk.Page.GotoAsync("/admin/points/awards");
        await desk.Page.FillAsync("#Rule_ActivityType", "volunteer");
        await desk.Page.FillAsync("#Rule_Name", "志愿服务");
        await desk.Page.FillAsync("#Rule_Points", "20");
        await desk.Page.FillAsync("#Rule_DailyCap", "40");
        await desk.Page.Locator("form[action*='handler=Rule'] button[type=submit]").ClickAsync();
        await Expect(desk.Page.Locator("main .flash")).ToContainTextAsync("已保存积分规则");
        await desk.CheckPageAsync("1-staff-rules");
        await desk.Page.GotoAsync("/admin/points/activities");
        await desk.Page.FillAsync("#Input_Title", "楼道清洁日");
        await desk.Page.SelectOptionAsync("#Input_ActivityType", "volunteer");
        await desk.CheckPageAsync("1-staff-new-activity");
        await desk.Page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(desk.Page.Locator("main .flash")).ToContainTextAsync("已创建签到活动");
        await Expect(desk.Page.Locator("#qr")).ToBeVisibleAsync();
        var checkInCode = (await desk.Page.Locator("#code").TextContentAsync())!.Trim();
        await desk.CheckPageAsync("1-staff-activity-qr");

        // The resident scans the QR code (it opens the check-in page), signs in, and checks in with one tap.
        await phone.Page.GotoAsync($"/points/checkin/{checkInCode}");
        await phone.Page.WaitForAddressAsync("**/account/sign-in**");
        await phone.Page.Locator("#Input_Phone").FillAsync(resident.Phone);
        await phone.Page.Locator("#Input_Password").FillAsync(TestData.Password);
        await phone.Page.Locator("main form button[type=submit]").ClickAsync();
        await phone.Page.WaitForAddressAsync($"**/points/checkin/{checkInCode}");
        await Expect(phone.Page.Locator("#activity")).ToContainTextAsync("楼道清洁日");
        await phone.CheckPageAsync("2-checkin");
        await phone.Page.Locator("#checkin").ClickAsync();
        await Expect(phone.Page.Locator("main .flash")).ToContainTextAsync("签到成功，获得 20 积分");
        await Expect(phone.Page.Locator("#checked-in")).ToBeVisibleAsync();
        await phone.CheckPageAsync("2-checked-in");

        // Staff see the resident on the attendee list.
        await desk.Page.ReloadAsync();
        await Expect(desk.Page.Locator("#attendees")).ToContainTextAsync("张秀英");

        // The resident drops off 1.5 kg of paper at the green station; the operator records it.
        await station.SignInAsync(operatorUser.Phone, TestData.Password);
        await station.Page.GotoAsync("/station/dropoffs");
        await station.Page.FillAsync("#Input_Phone", resident.Phone);
        await station.Page.SelectOptionAsync("#Input_Category", "paper");
        await station.Page.FillAsync("#Input_WeightKg", "1.5");
        await station.Page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(station.Page.Locator("main .flash")).ToContainTextAsync("已登记，居民获得 15 积分");
        await station.CheckPageAsync("3-station-dropoff");

        // The merchant lists an item for 10 points.
        await shop.SignInAsync(member.Phone, TestData.Password);
        await shop.Page.GotoAsync("/merchant/points");
        await shop.Page.FillAsync("#Input_Name", item);
        await shop.Page.FillAsync("#Input_PointsPrice", "10");
        await shop.Page.FillAsync("#Input_Stock", "5");
        await shop.Page.Locator("#item-photo").SetInputFilesAsync(new FilePayload { Name = "洗衣皂.png", MimeType = "image/png", Buffer = TestImages.Png(320, 240) });
        await shop.Page.Locator("form[action*='handler=AddItem'] button[type=submit]").ClickAsync();
        await Expect(shop.Page.Locator("main .flash")).ToContainTextAsync("已上架");
        await ExpectItemPhotoAsync(shop.Page, item);
        await shop.CheckPageAsync("2-merchant-desk");

        // The resident sees the points and redeems the item.
        await phone.Page.GotoAsync("/points");
        await Expect(phone.Page.Locator("#balance")).ToHaveTextAsync("35");
        await phone.CheckPageAsync("3-passbook");
        await phone.Page.GotoAsync("/points/items");
        await ExpectItemPhotoAsync(phone.Page, item);
        await phone.CheckPageAsync("4-items");
        await phone.Page.Locator("#items li", new() { HasText = item }).Locator("button[type=submit]").ClickAsync();
        await phone.Page.WaitForAddressAsync("**/points");
        await Expect(phone.Page.Locator("main .flash")).ToContainTextAsync("兑换成功");
        await Expect(phone.Page.Locator("#held")).ToHaveTextAsync("10");
        var code = (await phone.Page.Locator("#pending .redemption-code").TextContentAsync())!.Trim();
        await Expect(phone.Page.Locator("#pending .redemption-qr")).ToBeVisibleAsync();
        await phone.CheckPageAsync("5-code");

        // The merchant confirms the code at the counter.
        await shop.Page.FillAsync("#Code", code);
        await shop.Page.Locator("form[action*='handler=Confirm'] button[type=submit]").ClickAsync();
        await Expect(shop.Page.Locator("main .flash")).ToContainTextAsync($"已核销兑换码 {code}");
        await Expect(shop.Page.Locator("#earned")).ToHaveTextAsync("10");
        await shop.CheckPageAsync("6-confirmed");

        // The passbook shows it all: the check-in, the drop-off, the hold, the redemption.
        await phone.Page.ReloadAsync();
        await Expect(phone.Page.Locator("#balance")).ToHaveTextAsync("25");
        await Expect(phone.Page.Locator("#held")).ToHaveTextAsync("0");
        await Expect(phone.Page.Locator("#movements li")).ToHaveCountAsync(4);
        await Expect(phone.Page.Locator("#movements")).ToContainTextAsync("楼道清洁日");
        await Expect(phone.Page.Locator("#movements")).ToContainTextAsync("回收投放");
        await Expect(phone.Page.Locator("#movements")).ToContainTextAsync("兑换完成");
        await phone.CheckPageAsync("7-passbook-after");
    }

    /// <summary>The item's card shows its photo, named for the item, and the browser could decode it (the server re-encodes uploads).</summary>
    private static async Task ExpectItemPhotoAsync(IPage page, string item)
    {
        var photo = page.Locator("#items li", new() { HasText = item }).Locator("img.cover");
        await Expect(photo).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(item));
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The item's photo did not load.");
    }
}
