using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ImportNeeds;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityPartner.Tests.Modules.Needs.ImportNeeds;

/// <summary>
/// Importing a community's existing list: a file with bad rows imports nothing and names each bad row; a good file
/// imports once, even sent twice or twice at once; only the community's staff (and the district admin) may import.
/// </summary>
public abstract class ImportNeedsTests(AppFactory factory)
{
    private const string Header = "标题,类别,提交日期,状态,地址,描述,渠道,回应日期,解决日期,办理结果,提出人电话";
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task Import_FileWithBadRows_ImportsNothingAndReportsEachRow()
    {
        var actors = await _needs.ActorsAsync();
        var csv = Csv(
            "楼道灯不亮,设施维修,2025-04-03,已解决,3 栋,,热线电话,2025-04-03,2025-04-08,已更换灯泡,",
            ",设施维修,2025-04-03,待回应,,,,,,,",
            "井盖松动,没有的类别,2025-13-01,已完成,,,,,,,123",
            "树枝挡路,环境卫生,2025-04-05,已解决,,,,2025-04-06,,,");

        var preview = await PreviewAsync(actors.StaffClient, actors.Community.Code, csv, "台账.csv");
        Assert.False(preview.GetProperty("canImport").GetBoolean());
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([3, 4, 4, 4, 4, 5], errors.Select(e => e.Row));
        Assert.Contains((3, "缺少标题"), errors);
        Assert.Contains((4, "没有这个类别：没有的类别"), errors);
        Assert.Contains((4, "提交日期无效，应写成 2025-04-03 这样的日期"), errors);
        Assert.Contains((4, "状态只能是待回应、已回应、处理中、已解决或不予受理"), errors);
        Assert.Contains((4, "提出人电话应是 11 位手机号"), errors);
        Assert.Contains((5, "已解决的诉求须填写解决日期"), errors);

        var import = await actors.StaffClient.PostAsync($"/api/v1/communities/{actors.Community.Code}/needs/imports/{preview.GetProperty("hash").GetString()}", null);
        Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        Assert.Equal(0, await CountAsync(actors.Community.Id));
        Assert.Equal(0, await _needs.QueryAsync(db => db.Set<NeedImport>().CountAsync(i => i.CommunityId == actors.Community.Id)));
    }

    [Fact]
    public async Task Import_GoodFileSentTwice_ImportsOnceWithItsHistory()
    {
        var actors = await _needs.ActorsAsync();
        var xlsx = Xlsx(
            ["楼道灯不亮", "设施维修", "2025-04-03", "已解决", "3 栋", "", "热线电话", "2025-04-03", "2025-04-08", "已更换灯泡", actors.Raiser.Phone],
            ["河边垃圾", "sanitation", "2025/4/5", "待回应", "", "", "", "", "", "", ""],
            ["占道经营", "其他", "2025-04-06 09:30", "不予受理", "", "", "", "2025-04-07", "", "不属于社区职责，已转城管", ""]);

        var preview = await PreviewAsync(actors.StaffClient, actors.Community.Code, xlsx, "台账.xlsx");
        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        var url = $"/api/v1/communities/{actors.Community.Code}/needs/imports/{preview.GetProperty("hash").GetString()}?fileName=台账.xlsx";
        var first = await actors.StaffClient.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(3, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needCount").GetInt32());

        var again = await PreviewAsync(actors.StaffClient, actors.Community.Code, xlsx, "台账-副本.xlsx");
        Assert.False(again.GetProperty("canImport").GetBoolean());
        Assert.Equal(3, again.GetProperty("alreadyImported").GetProperty("needCount").GetInt32());
        var second = await actors.StaffClient.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyImported").GetBoolean());

        var needs = await _needs.QueryAsync(db => db.Set<Need>().AsNoTracking().Include(n => n.Events).Where(n => n.CommunityId == actors.Community.Id).ToListAsync());
        Assert.Equal(3, needs.Count);
        Assert.All(needs, n => Assert.Equal(NeedSource.Imported, n.Source));
        var resolved = needs.Single(n => n.Title == "楼道灯不亮");
        Assert.Equal(NeedStatus.Resolved, resolved.Status);
        Assert.Equal(new DateTime(2025, 4, 2, 16, 0, 0, DateTimeKind.Utc), resolved.SubmittedAt);
        Assert.Equal(new DateTime(2025, 4, 7, 16, 0, 0, DateTimeKind.Utc), resolved.ResolvedAt);
        Assert.Equal(actors.Raiser.Id, resolved.RaiserId);
        Assert.Equal([NeedEventKind.Submitted, NeedEventKind.Responded, NeedEventKind.Resolved], resolved.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(NeedStatus.Rejected, needs.Single(n => n.Title == "占道经营").Status);
        Assert.Equal(NeedStatus.Submitted, needs.Single(n => n.Title == "河边垃圾").Status);
        Assert.Equal(NeedChannel.WalkIn, needs.Single(n => n.Title == "河边垃圾").Channel);
    }

    [Fact]
    public async Task UploadedFiles_KeptUntilImported_StalePreviewsSwept_AnImportedFileNotKeptAgain()
    {
        var actors = await _needs.ActorsAsync();
        var folder = Path.Combine(factory.StorageRoot, "imports", actors.Community.Id.ToString("N"));
        var good = Csv("楼道灯不亮,设施维修,2025-04-03,处理中,,,,2025-04-04,,,");
        var stale = Csv("河边垃圾,环境卫生,2025-04-05,待回应,,,,,,,");

        var stalePreview = await PreviewAsync(actors.StaffClient, actors.Community.Code, stale, "旧.csv");
        var stalePath = Path.Combine(folder, stalePreview.GetProperty("hash").GetString() + ".csv");
        Assert.True(File.Exists(stalePath));
        File.SetLastWriteTimeUtc(stalePath, factory.Clock.GetUtcNow().UtcDateTime - ImportNeedsHandler.PreviewKeptFor - TimeSpan.FromMinutes(1));

        // A new preview sweeps the community's previews older than the keeping time and keeps its own file.
        var hash = (await PreviewAsync(actors.StaffClient, actors.Community.Code, good, "台账.csv")).GetProperty("hash").GetString();
        var goodPath = Path.Combine(folder, hash + ".csv");
        Assert.False(File.Exists(stalePath));
        Assert.True(File.Exists(goodPath));
        var late = await actors.StaffClient.PostAsync($"/api/v1/communities/{actors.Community.Code}/needs/imports/{stalePreview.GetProperty("hash").GetString()}", null);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);

        // The import takes the file; a repeat is answered from the import's record; previewing it again keeps nothing.
        var url = $"/api/v1/communities/{actors.Community.Code}/needs/imports/{hash}";
        Assert.Equal(HttpStatusCode.Created, (await actors.StaffClient.PostAsync(url, null)).StatusCode);
        Assert.False(File.Exists(goodPath));
        Assert.Equal(HttpStatusCode.OK, (await actors.StaffClient.PostAsync(url, null)).StatusCode);
        var again = await PreviewAsync(actors.StaffClient, actors.Community.Code, good, "台账-副本.csv");
        Assert.Equal(1, again.GetProperty("alreadyImported").GetProperty("needCount").GetInt32());
        Assert.False(File.Exists(goodPath));
        Assert.Equal(1, await CountAsync(actors.Community.Id));
    }

    [Fact]
    public async Task Import_SameFileInParallel_ImportsExactlyOnce()
    {
        var actors = await _needs.ActorsAsync();
        var csv = Csv(
            "楼道灯不亮,设施维修,2025-04-03,处理中,,,,2025-04-04,,,",
            "河边垃圾,环境卫生,2025-04-05,已回应,,,,2025-04-05,,已联系保洁,");
        var hash = (await PreviewAsync(actors.StaffClient, actors.Community.Code, csv, "a.csv")).GetProperty("hash").GetString();
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var url = $"/api/v1/communities/{actors.Community.Code}/needs/imports/{hash}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? actors.StaffClient : admin).PostAsync(url, null)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, await CountAsync(actors.Community.Id));
    }

    [Fact]
    public async Task Import_OutsidersResidentsAndBadFiles_Refused()
    {
        var actors = await _needs.ActorsAsync();
        var csv = Csv("楼道灯不亮,设施维修,2025-04-03,待回应,,,,,,,");
        var outsider = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        var anonymous = await factory.Data.ApiClientAsync(null);
        var path = $"/api/v1/communities/{actors.Community.Code}/needs/imports/preview";
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync(path, Form(csv, "a.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actors.RaiserClient.PostAsync(path, Form(csv, "a.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(path, Form(csv, "a.csv"))).StatusCode);

        var hash = (await PreviewAsync(actors.StaffClient, actors.Community.Code, csv, "a.csv")).GetProperty("hash").GetString();
        var import = $"/api/v1/communities/{actors.Community.Code}/needs/imports/{hash}";
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync(import, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await actors.RaiserClient.PostAsync(import, null)).StatusCode);
        Assert.Equal(0, await CountAsync(actors.Community.Id));

        var pdf = await actors.StaffClient.PostAsync(path, Form(Encoding.ASCII.GetBytes("%PDF-1.4 not a sheet"), "list.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("只能上传 .xlsx 或 .csv 文件", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fakeXlsx = await actors.StaffClient.PostAsync(path, Form(csv, "list.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, fakeXlsx.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await actors.StaffClient.PostAsync(path, new MultipartFormDataContent())).StatusCode);

        var template = await actors.StaffClient.GetAsync("/api/v1/needs/import-template?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        var headers = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false).First()).Values.Select(v => v?.ToString() ?? "").ToList();
        Assert.Equal(ImportSheet.Columns, headers);
    }

    [Fact]
    public async Task Import_CsvSavedByExcelAsGbk_IsReadAndImportedWithItsChineseText()
    {
        var actors = await _needs.ActorsAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936);
        var text = string.Join("\r\n", [Header, "楼道灯不亮,设施维修,2025-04-03,已解决,3 栋,,热线电话,2025-04-03,2025-04-08,已更换灯泡,", "河边垃圾,环境卫生,2025/4/5,待回应,滨江路,,,,,,"]) + "\r\n";
        var csv = gbk.GetBytes(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv));

        var preview = await PreviewAsync(actors.StaffClient, actors.Community.Code, csv, "台账.csv");

        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        var import = await actors.StaffClient.PostAsync($"/api/v1/communities/{actors.Community.Code}/needs/imports/{preview.GetProperty("hash").GetString()}?fileName=台账.csv", null);
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var needs = await _needs.QueryAsync(db => db.Set<Need>().AsNoTracking().Where(n => n.CommunityId == actors.Community.Id).ToListAsync());
        Assert.Equal(["楼道灯不亮", "河边垃圾"], needs.Select(n => n.Title).Order(StringComparer.Ordinal));
        Assert.Equal("滨江路", needs.Single(n => n.Title == "河边垃圾").Address);

        // UTF-8 (with or without a BOM) is left as it is.
        var utf8 = Csv("楼道灯不亮,设施维修,2025-04-03,待回应,,,,,,,");
        Assert.Same(utf8, ImportSheet.CsvAsUtf8(utf8));
        Assert.Equal(Encoding.UTF8.GetString(utf8[3..]), Encoding.UTF8.GetString(ImportSheet.CsvAsUtf8(gbk.GetBytes(Encoding.UTF8.GetString(utf8[3..])))[3..]));
    }

    private static byte[] Csv(params string[] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n")];

    private static byte[] Xlsx(params string[][] rows)
    {
        var columns = Header.Split(',');
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => columns.Zip(r).ToDictionary(x => x.First, x => (object)x.Second)).ToList());
        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient client, string code, byte[] content, string fileName)
    {
        var response = await client.PostAsync($"/api/v1/communities/{code}/needs/imports/preview", Form(content, fileName));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"preview answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> CountAsync(Guid communityId) => _needs.QueryAsync(db => db.Set<Need>().CountAsync(n => n.CommunityId == communityId));
}

[Collection(SqliteLane.Name)]
public sealed class ImportNeedsTestsOnSqlite(SqliteAppFactory factory) : ImportNeedsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ImportNeedsTestsOnPostgres(PostgresAppFactory factory) : ImportNeedsTests(factory);
