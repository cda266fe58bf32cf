using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPartner.EndToEndTests.Infrastructure;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace CommunityPartner.EndToEndTests.Journeys;

/// <summary>
/// The bill and the problem list leave the site as files: staff publish 2025-Q2, a visitor downloads the published bill
/// as CSV and Excel from the bill page (Chinese headers, one row per figure the page shows, the same numbers) and prints
/// it (no navigation on paper); staff download their community's 台账 from the queue, one row per need the public list
/// counts for the community.
/// </summary>
[Collection(BrowserLane.Name)]
public sealed partial class VisitorDownloadsBillStaffExportsProblemListTests(BrowserHost host)
{
    /// <summary>The rows a bill file has besides one per figure: community, period, version; three rates; two medians.</summary>
    private const int NonFigureRows = 3 + 3 + 2;

    [Fact]
    public async Task VisitorDownloadsAndPrintsBill_StaffExportsProblemList()
    {
        var (actors, _) = await new BillsTestData(host.App).QuarterAsync();
        var code = actors.Community.Code;
        var bill = $"/bills?community={code}&period={BillsTestData.Period}";

        await using (var desk = await host.StartJourneyAsync(nameof(VisitorDownloadsBillStaffExportsProblemListTests)))
        {
            var page = desk.Page;
            await desk.SignInAsync(actors.Staff.Phone, TestData.Password);
            await page.GotoAsync($"/bills/draft?community={code}&period={BillsTestData.Period}");
            await page.Locator("#publish-title + form button[type=submit]").ClickAsync();
            await page.WaitForAddressAsync("**version=1");

            await page.GotoAsync($"/admin/communities/{code}/needs");
            var queueTitles = await page.Locator("ul.needs li.need a strong").AllTextContentsAsync();
            Assert.NotEmpty(queueTitles);
            await desk.CheckPageAsync("1-staff-queue-with-exports");

            var xlsx = await DownloadAsync(page, "main .exports a[href*='format=xlsx']", ".xlsx");
            var csv = await DownloadAsync(page, "main .exports a[href*='format=csv']", ".csv");
            var sheets = new[] { Rows(xlsx, ExcelType.XLSX), Rows(csv, ExcelType.CSV) };

            // The public list of the same community: its 全部 count is the number of needs the 台账 must hold.
            await page.GotoAsync($"/needs?community={code}");
            var listed = int.Parse((await page.Locator("nav.status-tabs a").First.Locator(".count").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
            await desk.CheckPageAsync("2-public-list-count");
            foreach (var rows in sheets)
            {
                Assert.Contains("标题", rows[0].Keys);
                Assert.Contains("状态", rows[0].Keys);
                Assert.Contains("提出人电话", rows[0].Keys);
                Assert.Equal(listed, rows.Count);
                var titles = rows.Select(r => Text(r["标题"])).ToList();
                Assert.All(queueTitles, t => Assert.Contains(t.Trim(), titles));
                Assert.Contains(actors.Raiser.Phone, rows.Select(r => Text(r["提出人电话"])));
            }
        }

        await using var visit = await host.StartJourneyAsync(nameof(VisitorDownloadsBillStaffExportsProblemListTests));
        var visitor = visit.Page;
        await visitor.GotoAsync(bill);
        await Expect(visitor.Locator("main")).ToContainTextAsync("第 1 版");
        await visit.CheckPageAsync("3-visitor-bill");

        // Every figure on the page, by the label its link reads out: "查看这些记录：已解决 1 条".
        var shown = new Dictionary<string, int>();
        foreach (var label in await visitor.Locator("main a.bill-count").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))"))
        {
            var match = FigureLabel().Match(label);
            Assert.True(match.Success, $"Unexpected figure label '{label}'.");
            shown[match.Groups["figure"].Value] = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        Assert.NotEmpty(shown);
        var rates = (await visitor.Locator(".bill-rates .bill-big").AllTextContentsAsync()).Select(t => t.Trim()).ToList();

        var billCsv = await DownloadAsync(visitor, "main .exports a[href*='format=csv']", ".csv");
        var billXlsx = await DownloadAsync(visitor, "main .exports a[href*='format=xlsx']", ".xlsx");
        foreach (var rows in new[] { Rows(billCsv, ExcelType.CSV), Rows(billXlsx, ExcelType.XLSX) })
        {
            Assert.Equal(["指标", "数值", "说明"], rows[0].Keys);
            Assert.Equal(shown.Count + NonFigureRows, rows.Count);
            var byName = rows.ToDictionary(r => Text(r["指标"]), r => Text(r["数值"]));
            Assert.Equal("第 1 版", byName["版本"]);
            foreach (var (figure, count) in shown)
            {
                Assert.True(byName.TryGetValue(figure, out var value), $"The file has no row for {figure}.");
                Assert.Equal(count, decimal.Parse(value, CultureInfo.InvariantCulture));
            }

            var fileRates = rows.Where(r => Text(r["指标"]).EndsWith("(%)", StringComparison.Ordinal))
                .Select(r => decimal.Parse(Text(r["数值"]), CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture) + "%");
            Assert.Equal(rates, fileRates);
        }

        await visitor.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(visitor.Locator("header nav.site-nav")).ToBeHiddenAsync();
        await Expect(visitor.Locator("main .exports")).ToBeHiddenAsync();
        await Expect(visitor.Locator("main form.filters")).ToBeHiddenAsync();
        await Expect(visitor.Locator(".bill-rates .bill-big").First).ToBeVisibleAsync();
        await visit.CheckPageAsync("4-visitor-bill-print");
    }

    private static async Task<string> DownloadAsync(IPage page, string link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(link).ClickAsync());
        Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
        await download.SaveAsAsync(path);
        return path;
    }

    private static List<IDictionary<string, object?>> Rows(string path, ExcelType type) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>()];

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";

    [GeneratedRegex("^查看这些记录：(?<figure>.+) (?<count>\\d+) 条$")]
    private static partial Regex FigureLabel();
}
