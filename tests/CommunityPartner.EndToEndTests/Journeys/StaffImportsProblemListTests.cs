using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// Community staff bring their Excel problem list in: they download the template, upload a file with a bad row (the
/// preview names it and nothing can be imported), fix it, import it with the progress bar, and see the needs listed.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed class StaffImportsProblemListTests(BrowserHost host)
{
    [Fact]
    public async Task StaffImportsProblemList()
    {
        var community = await host.App.Data.CommunityAsync();
        var staff = await host.App.Data.StaffAsync(community);
        await using var journey = await host.StartJourneyAsync(nameof(StaffImportsProblemListTests));
        var page = journey.Page;
        await journey.SignInAsync(staff.Phone, TestData.Password);
        await page.GotoAsync($"/admin/communities/{community.Code}/needs");
        await page.Locator($"a[href='/admin/communities/{community.Code}/needs/import']").ClickAsync();
        await page.WaitForAddressAsync("**/needs/import");
        await journey.CheckPageAsync("1-import-page");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var template = await download.PathAsync();
        var columns = ((IDictionary<string, object?>)MiniExcel.Query(template, useHeaderRow: false, excelType: ExcelType.XLSX).First()).Values.Select(v => v!.ToString()!).ToList();

        var title = $"楼道灯不亮 {Guid.NewGuid():N}"[..16];
        var bad = Sheet(columns, [title, "设施维修", "2025-04-03", "已解决", "", "", "", "2025-04-03", "2025-04-08", "已更换灯泡", ""], ["", "环境卫生", "2025-04-05", "待回应", "", "", "", "", "", "", ""]);
        await page.Locator("#file").SetInputFilesAsync(bad);
        await page.Locator("form button:has-text('上传并预览')").ClickAsync();
        await Expect(page.Locator("tr.has-error")).ToHaveCountAsync(1);
        await Expect(page.Locator(".row-errors li")).ToHaveTextAsync("第 3 行：缺少标题");
        await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
        await journey.CheckPageAsync("2-preview-with-error");

        var good = Sheet(columns, [title, "设施维修", "2025-04-03", "已解决", "", "", "", "2025-04-03", "2025-04-08", "已更换灯泡", ""], ["河边垃圾没人清理", "环境卫生", "2025-04-05", "待回应", "", "", "", "", "", "", ""]);
        await page.Locator("#file").SetInputFilesAsync(good);
        await page.Locator("form button:has-text('上传并预览')").ClickAsync();
        await Expect(page.Locator("#import-form")).ToBeVisibleAsync();
        await Expect(page.Locator("tr.has-error")).ToHaveCountAsync(0);
        await journey.CheckPageAsync("3-preview-ok");

        await page.Locator("#import-form button").ClickAsync();
        await page.WaitForAddressAsync("**done=**");
        await Expect(page.Locator("#import-done")).ToContainTextAsync("已导入 2 条诉求");
        await journey.CheckPageAsync("4-imported");

        await page.Locator("#import-done a").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync("河边垃圾没人清理");
        await journey.CheckPageAsync("5-needs-list");
    }

    private static string Sheet(IReadOnlyList<string> columns, params string[][] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"台账-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, rows.Select(r => columns.Zip(r).ToDictionary(x => x.First, x => (object)x.Second)).ToList());
        return path;
    }
}
