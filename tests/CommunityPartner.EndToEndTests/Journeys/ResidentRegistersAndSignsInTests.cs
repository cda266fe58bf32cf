using System.Text.RegularExpressions;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>A resident on a small phone (360 × 640): registers, signs out, signs in again and finds their account.</summary>
[Collection(BrowserLane.Name)]
public sealed partial class ResidentRegistersAndSignsInTests(BrowserHost host)
{
    private const string Name = "李阿姨";

    [Fact]
    public async Task RegisterAndSignIn_OnSmallPhone_WorksAndEachPageFitsAndIsAccessible()
    {
        var community = await host.Data.CommunityAsync();
        var phone = TestData.NewPhone();
        await using var journey = await host.StartJourneyAsync(nameof(ResidentRegistersAndSignsInTests), 360, 640);
        var page = journey.Page;

        await page.GotoAsync("/");
        await journey.CheckPageAsync("1-home");

        await page.Locator("main a[href='/account/register']").First.ClickAsync();
        await page.WaitForAddressAsync(RegisterUrl());
        await journey.CheckPageAsync("2-register");

        await FillRegistrationAsync(page, "1380013800", community.Code);
        await Expect(page.Locator("#Input_Phone-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("main .alert[role=alert]")).ToBeVisibleAsync();
        await journey.CheckPageAsync("3-register-bad-phone");

        await FillRegistrationAsync(page, phone, community.Code);
        await page.WaitForAddressAsync(HomeUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"你好，{Name}");
        await journey.CheckPageAsync("4-home-registered");

        await page.Locator("header form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForAddressAsync(HomeUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("居民有呼声，社区有回应");
        await Expect(page.Locator("header a[href='/account']")).ToHaveCountAsync(0);
        await journey.CheckPageAsync("5-signed-out");

        await page.Locator("header a[href='/account/sign-in']").ClickAsync();
        await page.WaitForAddressAsync(SignInUrl());
        await journey.CheckPageAsync("6-sign-in");
        await page.Locator("#Input_Phone").FillAsync(phone);
        await page.Locator("#Input_Password").FillAsync(TestData.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(HomeUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"你好，{Name}");
        await journey.CheckPageAsync("7-home-signed-in");

        await page.Locator("main .cards a[href='/account']").ClickAsync();
        await page.WaitForAddressAsync(AccountUrl());
        await Expect(page.Locator("main dl.facts")).ToContainTextAsync(phone);
        await Expect(page.Locator("main dl.facts")).ToContainTextAsync(community.Name);
        await journey.CheckPageAsync("8-account");
    }

    private static async Task FillRegistrationAsync(IPage page, string phone, string communityCode)
    {
        await page.Locator("#Input_Phone").FillAsync(phone);
        await page.Locator("#Input_DisplayName").FillAsync(Name);
        await page.Locator("#Input_CommunityCode").SelectOptionAsync(communityCode);
        await page.Locator("#Input_Password").FillAsync(TestData.Password);
        await page.Locator("#Input_Consent").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [GeneratedRegex(@"/account/register$")]
    private static partial Regex RegisterUrl();

    [GeneratedRegex(@"/account/sign-in$")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/account$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex(@"^[^?#]+/(\?[^#]*)?$")]
    private static partial Regex HomeUrl();
}
