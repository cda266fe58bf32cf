using System.Text.RegularExpressions;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>A community worker at a desk: signs in, opens their workspace from the home page, and is kept out of others.</summary>
[Collection(BrowserLane.Name)]
public sealed partial class StaffOpensOwnCommunityTests(BrowserHost host)
{
    [Fact]
    public async Task OpenWorkspace_OwnAndOtherCommunity_OwnOpensOtherIsDenied()
    {
        var own = await host.Data.CommunityAsync();
        var other = await host.Data.CommunityAsync();
        var staff = await host.Data.StaffAsync(own);
        await using var journey = await host.StartJourneyAsync(nameof(StaffOpensOwnCommunityTests));
        var page = journey.Page;

        await page.GotoAsync("/account/sign-in");
        await journey.CheckPageAsync("1-sign-in");
        await page.Locator("#Input_Phone").FillAsync(staff.Phone);
        await page.Locator("#Input_Password").FillAsync(TestData.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(HomeUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"你好，{staff.Name}");
        await journey.CheckPageAsync("2-home");

        await page.Locator("main .cards a[href='/admin/my-community']").ClickAsync();
        await page.WaitForAddressAsync($"**/admin/communities/{own.Code}");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(own.Name);
        await Expect(page.Locator("main")).ToContainTextAsync(staff.Name);
        await journey.CheckPageAsync("3-own-workspace");

        var response = await page.GotoAsync($"/admin/communities/{other.Code}");
        Assert.Equal(403, response?.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("无权访问");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(other.Name);
        await journey.CheckPageAsync("4-other-workspace-denied");
    }

    [GeneratedRegex(@"^[^?#]+/(\?[^#]*)?$")]
    private static partial Regex HomeUrl();
}
