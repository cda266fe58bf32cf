using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Exports;

/// <summary>
/// The problem list and the bill as CSV and XLSX: Chinese (or English) headers, RFC 4180 quoting, formulas
/// neutralised, no personal data in public files, the staff file only for the community's staff and logged.
/// </summary>
public abstract class ExportTests(AppFactory factory)
{
    private const string Tricky = "含逗号,和\"引号\"\n第二行";
    private readonly NeedsTestData _needs = new(factory);
    private readonly BillsTestData _bills = new(factory);

    [Fact]
    public async Task NeedsExport_Public_HeadersRowsEscapingAndNoPersonalData()
    {
        var actors = await _needs.ActorsAsync();
        await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community, new NeedWords("=1+2 楼道灯坏了", Tricky, "@东门"));
        var anonymous = await factory.Data.ApiClientAsync(null);

        var (csv, response) = await SheetFiles.DownloadAsync(anonymous, $"/api/v1/needs/export?community={actors.Community.Code}&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(actors.Community.Code, response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.StartsWith("问题清单", response.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);
        var rows = SheetFiles.ParseCsv(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["编号", "所属社区", "类别", "标题", "描述", "地址", "状态"], rows[0].Take(7));
        var row = Row(rows, "标题");
        Assert.Equal("'=1+2 楼道灯坏了", row("标题"));
        Assert.Equal(Tricky, row("描述"));
        Assert.Equal("'@东门", row("地址"));
        Assert.Equal("待回应", row("状态"));
        Assert.Equal("提***", row("提出人"));
        Assert.DoesNotContain("提出人电话", rows[0]);
        var text = Encoding.UTF8.GetString(csv);
        Assert.DoesNotContain(actors.Raiser.Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(actors.Raiser.Name, text, StringComparison.Ordinal);

        var (xlsx, xlsxResponse) = await SheetFiles.DownloadAsync(anonymous, $"/api/v1/needs/export?community={actors.Community.Code}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        Assert.False(SheetFiles.HasFormula(xlsx));
        var sheet = SheetFiles.ParseXlsx(xlsx);
        Assert.Equal(rows[0], sheet[0]);
        Assert.Equal("'=1+2 楼道灯坏了", Row(sheet, "标题")("标题"));
        Assert.Equal(Tricky, Row(sheet, "标题")("描述"));

        var (english, _) = await SheetFiles.DownloadAsync(anonymous, $"/api/v1/needs/export?community={actors.Community.Code}&format=csv&culture=en");
        Assert.Equal(["ID", "Community", "Category", "Title"], SheetFiles.ParseCsv(english)[0].Take(4));
    }

    [Fact]
    public async Task NeedsExport_Personal_OnlyTheCommunitysStaffAndEachExportIsLogged()
    {
        var actors = await _needs.ActorsAsync();
        await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        var url = $"/api/v1/needs/export?community={actors.Community.Code}&personal=true&format=csv";
        var before = await CountReadsAsync(actors.Community.Id);

        var (csv, _) = await SheetFiles.DownloadAsync(actors.StaffClient, url);
        var rows = SheetFiles.ParseCsv(csv);
        Assert.Equal(actors.Raiser.Phone, Row(rows, "提出人电话")("提出人电话"));
        Assert.Equal(actors.Raiser.Name, Row(rows, "提出人姓名")("提出人姓名"));
        Assert.Equal(before + 1, await CountReadsAsync(actors.Community.Id));

        var other = await factory.Data.CommunityAsync();
        var outsider = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(other));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actors.RaiserClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.Data.ApiClientAsync(null)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await actors.StaffClient.GetAsync("/api/v1/needs/export?personal=true")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await actors.StaffClient.GetAsync($"/api/v1/needs/export?community={actors.Community.Code}&format=pdf")).StatusCode);
        Assert.Equal(before + 1, await CountReadsAsync(actors.Community.Id));
    }

    [Fact]
    public async Task BillExport_PublishedForAnyoneDraftOnlyForStaff()
    {
        var (actors, _) = await _bills.QuarterAsync();
        var code = actors.Community.Code;
        var anonymous = await factory.Data.ApiClientAsync(null);
        var published = $"/api/v1/bills/export?community={code}&period={BillsTestData.Period}&format=csv";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(published)).StatusCode);

        var draftUrl = $"/api/v1/bills/export?community={code}&period={BillsTestData.Period}&draft=true&format=xlsx";
        var (draft, _) = await SheetFiles.DownloadAsync(actors.StaffClient, draftUrl);
        var draftRows = SheetFiles.ParseXlsx(draft);
        Assert.Equal(["指标", "数值", "说明"], draftRows[0]);
        Assert.Equal("5", draftRows.Single(r => r[0] == "收到诉求")[1]);
        Assert.Equal("实时数字（未发布）", draftRows.Single(r => r[0] == "版本")[1]);
        var outsider = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(draftUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(draftUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actors.RaiserClient.GetAsync(draftUrl)).StatusCode);

        var publish = await actors.StaffClient.PostAsJsonAsync("/api/v1/bills/publish", new { community = code, period = BillsTestData.Period });
        Assert.Equal(HttpStatusCode.Created, publish.StatusCode);
        var (csv, response) = await SheetFiles.DownloadAsync(anonymous, published);
        Assert.Contains($"{code}-{BillsTestData.Period}", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var rows = SheetFiles.ParseCsv(csv);
        Assert.Equal("5", rows.Single(r => r[0] == "收到诉求")[1]);
        Assert.Equal("1", rows.Single(r => r[0] == "已解决")[1]);
        Assert.Equal("80", rows.Single(r => r[0] == "响应率 (%)")[1]);
        Assert.Equal("第 1 版", rows.Single(r => r[0] == "版本")[1]);
        Assert.DoesNotContain(actors.Raiser.Phone, Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        var (english, _) = await SheetFiles.DownloadAsync(anonymous, published + "&culture=en");
        Assert.Equal(["Measure", "Value", "Note"], SheetFiles.ParseCsv(english)[0]);
    }

    private static Func<string, string> Row(List<List<string>> rows, string anyHeader)
    {
        Assert.Contains(anyHeader, rows[0]);
        var row = rows[1];
        return header => row[rows[0].IndexOf(header)];
    }

    private Task<int> CountReadsAsync(Guid communityId) =>
        _needs.QueryAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "personal-data.read" && a.EntityType == "NeedExport" && a.CommunityId == communityId));
}

[Collection(SqliteLane.Name)]
public sealed class ExportTestsOnSqlite(SqliteAppFactory factory) : ExportTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ExportTestsOnPostgres(PostgresAppFactory factory) : ExportTests(factory);
