using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>GET requests and requests/{id}: needs as GeoReport service requests, the same facts as the need API shows.</summary>
public abstract class Open311RequestsTests(AppFactory factory)
{
    private readonly Open311Kit _kit = new(factory);

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task GetRequest_NewNeed_HasTheGeoReportFieldsAndTheNeedsFacts(string format)
    {
        var community = await _kit.Data.CommunityAsync();
        var need = await _kit.RaiseAsync(community, category: "parking-traffic", title: "消防通道被占 " + Open311Kit.Marker(),
            description: "小区东门消防通道长期停满私家车", address: "东门消防通道", latitude: 31.4567, longitude: 104.7461);
        var id = Open311Kit.Id(need);

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests/{id}.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(await GeoReport.ListAsync(response, format, "service_requests", "request"));
        Assert.Equal(GeoReport.RequestFields, request.Fields);
        var api = await Open311Kit.NeedAsync(_kit.Anonymous(), id);
        Assert.Equal(id.ToString(), request["service_request_id"]);
        Assert.Equal("open", request["status"]);
        Assert.Equal("待回应", request["status_notes"]);
        Assert.Equal("parking-traffic", request["service_code"]);
        Assert.Equal(api.GetProperty("categoryName").GetString(), request["service_name"]);
        Assert.Equal("停车交通", request["service_name"]);
        Assert.Equal($"{api.GetProperty("title").GetString()}\n\n{api.GetProperty("description").GetString()}", request["description"]);
        Assert.Equal(community.Name, request["agency_responsible"]);
        Assert.Equal(api.GetProperty("communityName").GetString(), request["agency_responsible"]);
        Assert.Equal(api.GetProperty("address").GetString(), request["address"]);
        Assert.Equal(31.4567, double.Parse(request["lat"]!, CultureInfo.InvariantCulture));
        Assert.Equal(104.7461, double.Parse(request["long"]!, CultureInfo.InvariantCulture));
        AssertSameInstant(api.GetProperty("submittedAt").GetDateTime(), request["requested_datetime"]);
        AssertSameInstant(api.GetProperty("submittedAt").GetDateTime(), request["updated_datetime"]);
        AssertSameInstant(api.GetProperty("resolveBy").GetDateTime(), request["expected_datetime"]);
        Assert.Null(request["media_url"]);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task GetRequest_Always_HidesTheRaisersNameAndPhone(string format)
    {
        var community = await _kit.Data.CommunityAsync();
        var raiser = await _kit.Data.UserAsync(community, "王秀英");
        var need = await _kit.RaiseAsync(community, resident: await _kit.Data.ApiClientAsync(raiser));

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests/{Open311Kit.Id(need)}.{format}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(Open311Kit.Id(need).ToString(), body);
        Assert.DoesNotContain(raiser.Phone, body);
        Assert.DoesNotContain("王秀英", body);
        Assert.DoesNotContain("王*", body);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task GetRequest_EachAnswer_MapsToOpenOrClosedWithNotes(string format)
    {
        var community = await _kit.Data.CommunityAsync();
        var staff = await _kit.Data.ApiClientAsync(await _kit.Data.StaffAsync(community));
        var responded = Open311Kit.Id(await _kit.RaiseAsync(community));
        var started = Open311Kit.Id(await _kit.RaiseAsync(community));
        var resolved = Open311Kit.Id(await _kit.RaiseAsync(community));
        var rejected = Open311Kit.Id(await _kit.RaiseAsync(community));
        var merged = Open311Kit.Id(await _kit.RaiseAsync(community));
        await Open311Kit.MoveAsync(staff, responded, "respond", new { text = "已收到，明天上午安排清运" });
        await Open311Kit.MoveAsync(staff, started, "start", new { text = "正在处理" });
        await Open311Kit.MoveAsync(staff, resolved, "respond", new { text = "已收到" });
        await Open311Kit.MoveAsync(staff, resolved, "resolve", new { text = "已清运并增加一个垃圾桶" });
        await Open311Kit.MoveAsync(staff, rejected, "reject", new { text = "属于物业合同范围，请联系物业" });
        await Open311Kit.MoveAsync(staff, merged, "merge", new { targetId = responded });

        var ids = string.Join(',', responded, started, resolved, rejected, merged);
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests.{format}?service_request_id={ids}");

        var requests = (await GeoReport.ListAsync(response, format, "service_requests", "request")).ToDictionary(r => Guid.Parse(r["service_request_id"]!));
        Assert.Equal(5, requests.Count);
        Assert.Equal(("open", "已回应"), (requests[responded]["status"], requests[responded]["status_notes"]));
        Assert.Equal(("open", "处理中"), (requests[started]["status"], requests[started]["status_notes"]));
        Assert.Equal(("closed", "已清运并增加一个垃圾桶"), (requests[resolved]["status"], requests[resolved]["status_notes"]));
        Assert.Equal(("closed", "属于物业合同范围，请联系物业"), (requests[rejected]["status"], requests[rejected]["status_notes"]));
        Assert.Equal("closed", requests[merged]["status"]);
        Assert.Contains(responded.ToString(), requests[merged]["status_notes"]);
        Assert.Null(requests[resolved]["expected_datetime"]);
        Assert.NotNull(requests[responded]["expected_datetime"]);

        // updated_datetime is the last change on the public timeline, so a closed request's is when it was closed.
        var api = await Open311Kit.NeedAsync(_kit.Anonymous(), resolved);
        var last = api.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("at").GetDateTime()).Max();
        AssertSameInstant(last, requests[resolved]["updated_datetime"]);
    }

    [Fact]
    public async Task GetRequest_NeedWithPhoto_LinksThePublicPhotoUntilRejected()
    {
        var community = await _kit.Data.CommunityAsync();
        var resident = await _kit.Data.ApiClientAsync(await _kit.Data.UserAsync(community));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(community.Code), "communityCode" },
            { new StringContent("sanitation"), "categoryCode" },
            { new StringContent("垃圾堆放 " + Open311Kit.Marker()), "title" },
            { new StringContent("垃圾房门口堆满了建筑垃圾"), "description" },
            { new StringContent("垃圾房"), "address" },
        };
        var photo = new ByteArrayContent(Png());
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(photo, "photos", "garbage.png");
        var raised = await resident.PostAsync("/api/v1/needs", form);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var need = await raised.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = Open311Kit.Id(need);
        var photoId = Assert.Single(need.GetProperty("photoIds").EnumerateArray().ToList()).GetGuid();
        var client = _kit.Anonymous();

        var request = Assert.Single(await GeoReport.ListAsync(await client.GetAsync($"/open311/v2/requests/{id}.json"), "json", "service_requests", "request"));

        var mediaUrl = new Uri(request["media_url"]!);
        Assert.Equal($"/needs/{id}/photos/{photoId}", mediaUrl.AbsolutePath);
        var image = await client.GetAsync(mediaUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);

        var staff = await _kit.Data.ApiClientAsync(await _kit.Data.StaffAsync(community));
        await Open311Kit.MoveAsync(staff, id, "reject", new { text = "照片涉及他人隐私" });
        var rejected = Assert.Single(await GeoReport.ListAsync(await client.GetAsync($"/open311/v2/requests/{id}.xml"), "xml", "service_requests", "request"));
        Assert.Null(rejected["media_url"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(mediaUrl.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task GetRequests_XmlAndJson_CarryTheSameRequests()
    {
        var community = await _kit.Data.CommunityAsync();
        await _kit.RaiseAsync(community, description: "第一条：路灯不亮\n第二行说明");
        await _kit.RaiseAsync(community, category: "repairs", latitude: null, longitude: null);
        var client = _kit.Anonymous();

        var xml = await GeoReport.ListAsync(await client.GetAsync($"/open311/v2/requests.xml?jurisdiction_id={community.Code}"), "xml", "service_requests", "request");
        var json = await GeoReport.ListAsync(await client.GetAsync($"/open311/v2/requests.json?jurisdiction_id={community.Code}"), "json", "service_requests", "request");

        Assert.Equal(2, xml.Count);
        Assert.Equal(xml.Select(r => r.Fields), json.Select(r => r.Fields));
        Assert.Equal(xml.Select(r => r.Values.OrderBy(v => v.Key)), json.Select(r => r.Values.OrderBy(v => v.Key)));
    }

    [Fact]
    public async Task GetRequests_Xml_WritesChineseAsUtf8TextNotEntities()
    {
        var community = await _kit.Data.CommunityAsync();
        var id = Open311Kit.Id(await _kit.RaiseAsync(community, description: "楼道灯坏了 <script>alert(1)</script> & 没人修"));

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests/{id}.xml");

        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("楼道灯坏了 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 没人修", raw);
        Assert.Contains("<service_name>环境卫生</service_name>", raw);
        Assert.DoesNotContain("&#", raw);
        Assert.DoesNotContain("<script>", raw);
    }

    [Fact]
    public async Task GetRequests_Jurisdiction_ReturnsOnlyThatCommunitysNeedsNewestFirst()
    {
        var mine = await _kit.Data.CommunityAsync();
        var other = await _kit.Data.CommunityAsync();
        var first = Open311Kit.Id(await _kit.RaiseAsync(mine));
        var second = Open311Kit.Id(await _kit.RaiseAsync(mine));
        var theirs = Open311Kit.Id(await _kit.RaiseAsync(other));

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests.json?jurisdiction_id={mine.Code}");

        var ids = (await GeoReport.ListAsync(response, "json", "service_requests", "request")).Select(r => Guid.Parse(r["service_request_id"]!)).ToList();
        Assert.Equal([second, first], ids);
        Assert.DoesNotContain(theirs, ids);
    }

    [Fact]
    public async Task GetRequests_ServiceCodeAndStatus_Filter()
    {
        var community = await _kit.Data.CommunityAsync();
        var staff = await _kit.Data.ApiClientAsync(await _kit.Data.StaffAsync(community));
        var openSanitation = Open311Kit.Id(await _kit.RaiseAsync(community, category: "sanitation"));
        var closedSanitation = Open311Kit.Id(await _kit.RaiseAsync(community, category: "sanitation"));
        var openRepairs = Open311Kit.Id(await _kit.RaiseAsync(community, category: "repairs"));
        var openSafety = Open311Kit.Id(await _kit.RaiseAsync(community, category: "safety"));
        await Open311Kit.MoveAsync(staff, closedSanitation, "reject", new { text = "重复反映" });
        var client = _kit.Anonymous();
        var at = $"/open311/v2/requests.json?jurisdiction_id={community.Code}";

        async Task<List<Guid>> Ids(string query) =>
            [.. (await GeoReport.ListAsync(await client.GetAsync(at + query), "json", "service_requests", "request")).Select(r => Guid.Parse(r["service_request_id"]!))];

        Assert.Equal([closedSanitation, openSanitation], await Ids("&service_code=sanitation"));
        Assert.Equal([openSafety, openRepairs], await Ids("&service_code=repairs,safety"));
        Assert.Equal([openSafety, openRepairs], await Ids("&service_code=repairs&service_code=safety"));
        Assert.Equal([closedSanitation], await Ids("&status=closed"));
        Assert.Equal([openSafety, openRepairs, openSanitation], await Ids("&status=open"));
        Assert.Equal(4, (await Ids("&status=open,closed")).Count);
        Assert.Equal([openSanitation], await Ids("&service_code=sanitation&status=open"));

        // service_request_id overrides every other argument.
        Assert.Equal([closedSanitation], await Ids($"&status=open&service_code=safety&service_request_id={closedSanitation}"));
    }

    [Fact]
    public async Task GetRequests_DateWindow_IncludesOnlyRequestsSubmittedInIt()
    {
        var community = await _kit.Data.CommunityAsync();
        var id = Open311Kit.Id(await _kit.RaiseAsync(community));
        var submitted = (await Open311Kit.NeedAsync(_kit.Anonymous(), id)).GetProperty("submittedAt").GetDateTime().ToUniversalTime();
        var client = _kit.Anonymous();

        async Task<bool> Found(string query)
        {
            var response = await client.GetAsync($"/open311/v2/requests.json?jurisdiction_id={community.Code}&{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await GeoReport.ListAsync(response, "json", "service_requests", "request")).Any(r => r["service_request_id"] == id.ToString());
        }

        string W3(DateTime utc, int offsetHours = 0) => Uri.EscapeDataString(new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(offsetHours)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

        Assert.True(await Found(""));
        Assert.True(await Found($"start_date={W3(submitted.AddHours(-1))}&end_date={W3(submitted.AddHours(1), 8)}"));
        Assert.True(await Found($"start_date={submitted.AddMinutes(-5):yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        Assert.True(await Found($"end_date={W3(submitted.AddDays(89))}"));
        Assert.False(await Found($"start_date={W3(submitted.AddHours(1))}"));
        Assert.False(await Found($"end_date={W3(submitted.AddHours(-1), 8)}"));
        Assert.False(await Found($"end_date={W3(submitted.AddDays(91))}"));
    }

    [Theory]
    [InlineData("xml", "status=pending", "status")]
    [InlineData("json", "status=pending", "status")]
    [InlineData("json", "start_date=yesterday", "start_date")]
    [InlineData("xml", "end_date=2026-13-45T00:00:00Z", "end_date")]
    [InlineData("json", "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90")]
    [InlineData("xml", "start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z", "start_date")]
    [InlineData("json", "service_code=no-such-service", "no-such-service")]
    public async Task GetRequests_BadArgument_Answers400InTheErrorFormat(string format, string query, string mentioned)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests.{format}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains(mentioned, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task GetRequests_UnknownJurisdiction_Answers404InTheErrorFormat(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests.{format}?jurisdiction_id=nowhere-{Open311Kit.Marker()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains("jurisdiction_id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xml", "random")]
    [InlineData("json", "random")]
    [InlineData("json", "not-a-guid")]
    public async Task GetRequest_UnknownId_Answers404InTheErrorFormat(string format, string kind)
    {
        var id = kind == "random" ? Guid.NewGuid().ToString() : kind;

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/requests/{id}.{format}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRequest_OtherCommunitysJurisdiction_Answers404()
    {
        var community = await _kit.Data.CommunityAsync();
        var other = await _kit.Data.CommunityAsync();
        var id = Open311Kit.Id(await _kit.RaiseAsync(community));
        var client = _kit.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/requests/{id}.json?jurisdiction_id={community.Code}")).StatusCode);
        var response = await client.GetAsync($"/open311/v2/requests/{id}.json?jurisdiction_id={other.Code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await GeoReport.ErrorsAsync(response, "json");
    }

    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        bitmap.Erase(SkiaSharp.SKColors.OliveDrab);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A GeoReport time carries its offset and names the same instant as the API's UTC time, to the second.</summary>
    private static void AssertSameInstant(DateTime expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", actual);
        var parsed = DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture);
        var utc = expected.ToUniversalTime();
        Assert.Equal(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), parsed.UtcDateTime);
    }
}

[Collection(SqliteLane.Name)]
public sealed class Open311RequestsTestsOnSqlite(SqliteAppFactory factory) : Open311RequestsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class Open311RequestsTestsOnPostgres(PostgresAppFactory factory) : Open311RequestsTests(factory);
