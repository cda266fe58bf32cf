using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// A community worker at a desk turns two residents' needs into a project and publishes it; then a resident on a phone
/// finds the project and sees their need is being handled by it.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class StaffBuildsProjectFromNeedsTests(BrowserHost host)
{
    [Fact]
    public async Task BuildProject_FromTwoNeeds_PublishedAndVisibleOnPhone()
    {
        var community = await host.Data.CommunityAsync();
        var staff = await host.Data.StaffAsync(community);
        using var raiser = await BearerClientAsync(await host.Data.UserAsync(community, "提诉求的居民"));
        var garbage = await NeedsTestData.RaiseAsync(raiser, community, new NeedWords("3 栋垃圾房又脏又臭", "垃圾房建了二十多年，墙皮脱落、污水外流。", "3 栋旁垃圾房"));
        var sorting = await NeedsTestData.RaiseAsync(raiser, community, new NeedWords("分类桶周末总是满溢", "周末垃圾多，分类桶很快就满了。", "5 栋门口"));
        const string title = "微更新·绿色驿站";

        await using (var desk = await host.StartJourneyAsync(nameof(StaffBuildsProjectFromNeedsTests)))
        {
            var page = desk.Page;
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#Input_Phone").FillAsync(staff.Phone);
            await page.Locator("#Input_Password").FillAsync(TestData.Password);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForAddressAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

            await page.GotoAsync("/admin/projects");
            await Expect(page.Locator("main h1")).ToHaveTextAsync("项目管理");
            await desk.CheckPageAsync("1-staff-projects");

            await page.Locator("main a[href='/projects/new']").ClickAsync();
            await page.WaitForAddressAsync("**/projects/new");
            await desk.CheckPageAsync("2-new-project-empty");

            await page.Locator("#Input_Title").FillAsync(title);
            await page.Locator("#Input_Summary").FillAsync("把 3 栋旁的旧垃圾房改成分类投放的绿色驿站。");
            await page.Locator("#Input_CategoryCode").SelectOptionAsync("sanitation");
            await page.Locator("#Input_Description").FillAsync("拆除旧垃圾房，建设带洗手池和积分兑换的绿色驿站。");
            await page.Locator("#Input_Address").FillAsync("3 栋旁");
            await page.Locator("#Input_Model").SelectOptionAsync("dual_wheel");
            await page.Locator("#Input_UpkeepPlan").FillAsync("驿站由物业和回收企业共同运营，回收收益用于日常维护。");
            await page.Locator("#Input_BudgetYuan").FillAsync("80000");
            await page.Locator("#Input_Asks_0__Kind").SelectOptionAsync("funding");
            await page.Locator("#Input_Asks_0__Title").FillAsync("驿站改造资金");
            await page.Locator("#Input_Asks_0__Yuan").FillAsync("50000");
            await page.Locator("#Input_Asks_1__Kind").SelectOptionAsync("service");
            await page.Locator("#Input_Asks_1__Title").FillAsync("驿站设计");
            await page.Locator("#Input_Asks_1__Hours").FillAsync("40");
            await page.Locator("#Input_Asks_1__Yuan").FillAsync("8000");
            await page.Locator($"#need-{garbage:N}").CheckAsync();
            await page.Locator($"#need-{sorting:N}").CheckAsync();
            await desk.CheckPageAsync("3-new-project-filled");

            await page.Locator("main form button[type=submit].wide").ClickAsync();
            await page.WaitForAddressAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/projects/[0-9a-f-]{36}$"));
            await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
            await Expect(page.Locator("main")).ToContainTextAsync("草稿");
            await desk.CheckPageAsync("4-draft");

            await page.Locator("main button[name=move][value=publish]").ClickAsync();
            // Told once: the layout shows the message; the page must not repeat it.
            await Expect(page.Locator(".flash[role=status]")).ToHaveTextAsync(["项目已发布，开始招募合伙人。"]);
            await Expect(page.Locator("main")).ToContainTextAsync("招募合伙人");
            await desk.CheckPageAsync("5-published");
        }

        await using var phone = await host.StartJourneyAsync(nameof(StaffBuildsProjectFromNeedsTests), 360, 640);
        var visitor = phone.Page;
        await visitor.GotoAsync($"/projects?community={community.Code}");
        await Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await phone.CheckPageAsync("6-phone-projects");

        await visitor.Locator("main a", new() { HasText = title }).First.ClickAsync();
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("main")).ToContainTextAsync("3 栋垃圾房又脏又臭");
        await Expect(visitor.Locator("main")).ToContainTextAsync("驿站改造资金");
        await phone.CheckPageAsync("7-phone-project");

        await visitor.Locator($"main a[href='/needs/{garbage}']").First.ClickAsync();
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync("3 栋垃圾房又脏又臭");
        await Expect(visitor.Locator("main")).ToContainTextAsync("处理中");
        await Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await Expect(visitor.Locator("main a[href^='/projects/']")).ToContainTextAsync("这条诉求由社区项目承接，查看项目");
        await phone.CheckPageAsync("8-phone-need-in-project");
    }

    /// <summary>The app listens on a real port here, so API calls go there with a bearer token, as a phone app's would.</summary>
    private async Task<HttpClient> BearerClientAsync(UserRef user)
    {
        var client = new HttpClient { BaseAddress = host.App.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { phone = user.Phone, password = TestData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
