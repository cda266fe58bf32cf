using System.Text.RegularExpressions;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// 民呼我应 end to end: a resident on a 360 × 640 phone raises a need with a photo; the community's staff at a desk
/// answer it from their queue (respond, start, resolve); the resident, now in 长辈版, rates it 不满意 and it goes back
/// to the staff's queue.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed partial class ResidentRaisesNeedAndRatesTests(BrowserHost host)
{
    private const string Title = "3 栋楼下垃圾房满溢发臭";
    private const string Description = "垃圾房两天没有清运，垃圾堆到了路边，夏天气味很大，老人孩子路过都要捂鼻子。";
    private const string Address = "3 栋楼下垃圾房";
    private const string Resolution = "已清运全部垃圾，冲洗了地面，并和物业约定每天早晚各清运一次。";
    private const string Complaint = "只清运了一次，第二天又堆满了，约定的早晚清运没有做到。";

    [Fact]
    public async Task RaiseAnswerAndRate_PhoneResidentAndDeskStaff_DissatisfiedRatingReopensTheNeed()
    {
        var community = await host.Data.CommunityAsync($"翠竹社区{Guid.NewGuid():N}"[..8]);
        var resident = await host.Data.UserAsync(community, "王秀兰");
        var staff = await host.Data.StaffAsync(community);
        await using var phone = await host.StartJourneyAsync(nameof(ResidentRaisesNeedAndRatesTests), 360, 640);
        await using var desk = await host.StartJourneyAsync(nameof(ResidentRaisesNeedAndRatesTests) + "-staff");

        // The resident raises the need, with a photo, on the phone.
        await phone.SignInAsync(resident.Phone, TestData.Password);
        await phone.Page.Locator("header nav a[href='/needs']").ClickAsync();
        await phone.Page.Locator("main a[href='/needs/new']").ClickAsync();
        await phone.Page.WaitForAddressAsync(RaiseUrl());
        await Expect(phone.Page.Locator("#Input_CommunityCode")).ToHaveValueAsync(community.Code);
        await phone.CheckPageAsync("1-raise-form");

        await phone.Page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(phone.Page.Locator("#Input_Title-error")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("main .alert[role=alert]")).ToBeVisibleAsync();
        await phone.CheckPageAsync("2-raise-form-errors");

        var needUrl = await RaiseAsync(phone.Page);
        await Expect(phone.Page.Locator("main .flash")).ToContainTextAsync("诉求已提交");
        await Expect(phone.Page.Locator("main h1")).ToHaveTextAsync(Title);
        await Expect(phone.Page.Locator("main .meta .status").First).ToHaveTextAsync("待回应");
        await ExpectPhotoShownAsync(phone.Page);
        await Expect(phone.Page.Locator("main ol.timeline li")).ToHaveCountAsync(1);
        await Expect(phone.Page.Locator("main ol.timeline li strong")).ToHaveTextAsync("提出诉求");
        // The raiser is not offered to support their own need, nor the staff panel.
        await Expect(phone.Page.Locator("form[action*='handler=Support']")).ToHaveCountAsync(0);
        await Expect(phone.Page.Locator("form[action*='handler=Answer']")).ToHaveCountAsync(0);
        await phone.CheckPageAsync("3-need-submitted");

        // The staff find it in their queue and answer it, move by move.
        await desk.SignInAsync(staff.Phone, TestData.Password);
        await desk.Page.GotoAsync("/admin/needs");
        await desk.Page.WaitForAddressAsync($"**/admin/communities/{community.Code}/needs");
        var queued = desk.Page.Locator("main ul.needs li", new() { HasText = Title });
        await Expect(queued).ToContainTextAsync("待回应");
        await desk.CheckPageAsync("4-staff-queue");

        await queued.Locator("a").ClickAsync();
        await desk.Page.WaitForAddressAsync(needUrl);
        await Expect(desk.Page.Locator("main #answer-heading")).ToHaveTextAsync("社区办理");
        // Staff answer the need; they are not offered to support it.
        await Expect(desk.Page.Locator("form[action*='handler=Support']")).ToHaveCountAsync(0);
        await desk.CheckPageAsync("5-staff-need");

        await AnswerAsync(desk.Page, "respond", "收到，今天下午安排保洁员去清运。");
        await Expect(desk.Page.Locator("main .meta .status").First).ToHaveTextAsync("已回应");
        await AnswerAsync(desk.Page, "start", null);
        await Expect(desk.Page.Locator("main .meta .status").First).ToHaveTextAsync("处理中");
        await AnswerAsync(desk.Page, "resolve", Resolution);
        await Expect(desk.Page.Locator("main .meta .status").First).ToHaveTextAsync("已解决");
        await Expect(desk.Page.Locator("main section p.prewrap", new() { HasText = Resolution }).First).ToBeVisibleAsync();
        await Expect(desk.Page.Locator("main ol.timeline li strong")).ToHaveTextAsync(["提出诉求", "社区回应", "开始处理", "已解决"]);
        await desk.CheckPageAsync("6-staff-resolved");

        // The resident is told, switches to 长辈版 and rates the result 不满意.
        await phone.Page.GotoAsync("/notifications");
        var told = phone.Page.Locator("main .list a", new() { HasText = "已解决，请评价" });
        await Expect(told).ToContainTextAsync(Title);
        await phone.CheckPageAsync("7-notifications");
        await told.ClickAsync();
        await phone.Page.WaitForAddressAsync(needUrl);
        // The switch comes back to the same address, so wait for the page it lands on, not for the address.
        await phone.Page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
        await Expect(phone.Page.Locator("html")).ToHaveClassAsync("elder");
        await Expect(phone.Page.Locator("main #rate-heading")).ToHaveTextAsync("请评价办理结果");
        await ElderMode.AssertLargeAsync(phone.Page, "main #rate-heading ~ form button, main #rate-heading ~ form .choices label, #Input_Comment");
        await phone.CheckPageAsync("8-rate-elder");

        await phone.Page.Locator("input[name='Input.Satisfaction'][value=dissatisfied]").CheckAsync();
        await phone.Page.Locator("#Input_Comment").FillAsync(Complaint);
        await SubmitAsync(phone.Page, phone.Page.Locator("main #rate-heading ~ form button[type=submit]"));
        await Expect(phone.Page.Locator("main .flash")).ToHaveTextAsync("谢谢你的评价");
        await Expect(phone.Page.Locator("main .meta .status").First).ToHaveTextAsync("处理中");
        var rated = phone.Page.Locator("main ol.timeline li", new() { HasText = "居民评价" });
        await Expect(rated).ToContainTextAsync("不满意");
        await Expect(rated).ToContainTextAsync(Complaint);
        await Expect(phone.Page.Locator("main ol.timeline li").Last).ToContainTextAsync("居民不满意，重新办理");
        await Expect(phone.Page.Locator("main #rate-heading")).ToHaveCountAsync(0);
        await Expect(phone.Page.Locator("main h2", new() { HasText = "办理结果" })).ToHaveTextAsync("上次的办理结果");
        await phone.CheckPageAsync("9-rated-reopened-elder");

        // Back in the staff's queue, marked as reopened.
        await desk.Page.GotoAsync("/admin/needs");
        var reopened = desk.Page.Locator("main ul.needs li", new() { HasText = Title });
        await Expect(reopened).ToContainTextAsync("处理中");
        await Expect(reopened).ToContainTextAsync("居民不满意，重办 1 次");
        await desk.CheckPageAsync("10-staff-queue-reopened");
    }

    [Fact]
    public async Task RaiseNeed_ElderModeOnPhone_FormIsLargeAndTheNeedShowsWithItsPhoto()
    {
        var community = await host.Data.CommunityAsync($"松柏社区{Guid.NewGuid():N}"[..8]);
        var resident = await host.Data.UserAsync(community, "刘大爷");
        await using var phone = await host.StartJourneyAsync(nameof(ResidentRaisesNeedAndRatesTests) + "-elder", 360, 640);

        await phone.SignInAsync(resident.Phone, TestData.Password);
        await phone.Page.Locator("header .prefs a[href^='/preferences/elder?on=1']").ClickAsync();
        await Expect(phone.Page.Locator("html")).ToHaveClassAsync("elder");
        await phone.Page.GotoAsync("/needs/new");
        await ElderMode.AssertLargeAsync(phone.Page, "main form button[type=submit], main form input:not([type=checkbox]):not([type=hidden]), main form select, main form textarea");
        await phone.CheckPageAsync("1-raise-form-elder");

        var needUrl = await RaiseAsync(phone.Page);
        await Expect(phone.Page.Locator("html")).ToHaveClassAsync("elder");
        await Expect(phone.Page.Locator("main h1")).ToHaveTextAsync(Title);
        await ExpectPhotoShownAsync(phone.Page);
        await phone.CheckPageAsync("2-need-elder");
        Assert.Matches(NeedUrl(), needUrl);
    }

    /// <summary>Fills the raise form (the resident's community is preselected) with a photo, submits it, and returns the need's address.</summary>
    private static async Task<string> RaiseAsync(IPage page)
    {
        await page.Locator("#Input_CategoryCode").SelectOptionAsync("sanitation");
        await page.Locator("#Input_Title").FillAsync(Title);
        await page.Locator("#Input_Description").FillAsync(Description);
        await page.Locator("#Input_Address").FillAsync(Address);
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload
        {
            Name = "垃圾房.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(320, 240),
        });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(NeedUrl());
        return page.Url;
    }

    /// <summary>The uploaded photo is on the page and the browser could decode it (the server re-encodes uploads).</summary>
    private static async Task ExpectPhotoShownAsync(IPage page)
    {
        var photo = page.Locator("main ul.photos img");
        await Expect(photo).ToHaveCountAsync(1);
        await Expect(photo).ToHaveAttributeAsync("alt", "诉求照片 1");
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The need's photo did not load.");
    }

    /// <summary>One staff move from the need page's panel; the page reloads on the need.</summary>
    private static async Task AnswerAsync(IPage page, string move, string? text)
    {
        if (text is not null)
        {
            await page.Locator("#Input_Text").FillAsync(text);
        }

        await SubmitAsync(page, page.Locator($"main button[name=move][value={move}]"));
        await Expect(page.Locator("main .flash")).ToHaveTextAsync("已更新，居民和附议人会收到通知");
    }

    // A move posts back to the need's own address, which the page already has: waiting for that address can return
    // before the post (or hang on the old page's load state), so wait for the server's answer to the post instead.
    // The caller then checks what only the new page shows (the need's new status, a flash that was not there before).
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Frame == page.MainFrame);
        Assert.Equal(302, response.Status);
    }

    [GeneratedRegex(@"/needs/new$")]
    private static partial Regex RaiseUrl();

    [GeneratedRegex(@"/needs/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex NeedUrl();
}
