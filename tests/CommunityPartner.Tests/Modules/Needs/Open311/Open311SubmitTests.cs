using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>POST requests: another system files a need under an API key; bad input is refused and stores nothing.</summary>
public abstract class Open311SubmitTests(AppFactory factory)
{
    private readonly Open311Kit _kit = new(factory);

    private static Dictionary<string, string> Fields(string apiKey, CommunityRef community, string description, string? serviceCode = "repairs") => new()
    {
        ["api_key"] = apiKey,
        ["jurisdiction_id"] = community.Code,
        ["service_code"] = serviceCode ?? "",
        ["description"] = description,
        ["address_string"] = "上马社区 5 栋 2 单元",
        ["lat"] = "31.4601",
        ["long"] = "104.7352",
    };

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Post_ValidKey_CreatesExactlyOneNeedWithTheSameFactsEverywhere(string format)
    {
        var community = await _kit.Data.CommunityAsync();
        var marker = Open311Kit.Marker();
        var description = $"楼道灯坏了 {marker}\n3 单元 2 楼到 5 楼的灯都不亮，晚上老人上下楼不安全";
        var client = _kit.Anonymous();

        var response = await Open311Kit.PostRequestAsync(client, format, Fields(await _kit.ApiKeyAsync(), community, description));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = Assert.Single(await GeoReport.ListAsync(response, format, "service_requests", "request"));
        Assert.Equal(GeoReport.CreatedFields, created.Fields);
        Assert.Null(created["account_id"]);
        Assert.Contains("24", created["service_notice"]);
        var id = Guid.Parse(created["service_request_id"]!);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/needs?community={community.Code}&q={marker}");
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray().ToList()).GetProperty("id").GetGuid());

        var need = await Open311Kit.NeedAsync(client, id);
        Assert.Equal(community.Code, need.GetProperty("communityCode").GetString());
        Assert.Equal("repairs", need.GetProperty("categoryCode").GetString());
        Assert.Equal($"楼道灯坏了 {marker}", need.GetProperty("title").GetString());
        Assert.Equal(description, need.GetProperty("description").GetString());
        Assert.Equal("上马社区 5 栋 2 单元", need.GetProperty("address").GetString());
        Assert.Equal(31.4601, need.GetProperty("latitude").GetDouble());
        Assert.Equal(104.7352, need.GetProperty("longitude").GetDouble());
        Assert.Equal("submitted", need.GetProperty("status").GetString());
        Assert.Equal("Web", need.GetProperty("channel").GetString());

        var request = Assert.Single(await GeoReport.ListAsync(await client.GetAsync($"/open311/v2/requests/{id}.{format}"), format, "service_requests", "request"));
        Assert.Equal(description, request["description"]);
        Assert.Equal("open", request["status"]);
        Assert.Equal(need.GetProperty("categoryName").GetString(), request["service_name"]);
        Assert.Equal(need.GetProperty("communityName").GetString(), request["agency_responsible"]);
    }

    [Fact]
    public async Task Post_ValidKey_RecordsTheKeyInTheAuditAndNoRaiser()
    {
        var community = await _kit.Data.CommunityAsync();
        var key = await _kit.ApiKeyAsync("12345 热线对接");

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), "json", Fields(key, community, "井盖松动 " + Open311Kit.Marker()));

        var id = Guid.Parse(Assert.Single(await GeoReport.ListAsync(response, "json", "service_requests", "request"))["service_request_id"]!);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "needs.raise" && a.EntityId == id.ToString());
        Assert.Contains("12345 热线对接", entry.After);
        Assert.Contains(key[..12], entry.After);
        Assert.DoesNotContain(key, entry.After);
        Assert.Null(entry.ActorId);
        var need = await db.Set<Web.Modules.Needs.Need>().SingleAsync(n => n.Id == id);
        Assert.Null(need.RaiserId);
        Assert.Null(need.RecordedById);
    }

    [Fact]
    public async Task Post_ReportersDetails_AreNeitherStoredNorShown()
    {
        var community = await _kit.Data.CommunityAsync();
        var fields = Fields(await _kit.ApiKeyAsync(), community, "路面塌陷 " + Open311Kit.Marker());
        fields["first_name"] = "建国";
        fields["last_name"] = "李";
        fields["phone"] = "13912345678";
        fields["email"] = "lijianguo@example.cn";
        fields["device_id"] = "device-42";
        var client = _kit.Anonymous();

        var response = await Open311Kit.PostRequestAsync(client, "json", fields);

        var id = Assert.Single(await GeoReport.ListAsync(response, "json", "service_requests", "request"))["service_request_id"];
        var shown = await (await client.GetAsync($"/api/v1/needs/{id}")).Content.ReadAsStringAsync()
            + await (await client.GetAsync($"/open311/v2/requests/{id}.xml")).Content.ReadAsStringAsync()
            + await (await client.GetAsync($"/needs/{id}")).Content.ReadAsStringAsync();
        foreach (var personal in new[] { "建国", "13912345678", "lijianguo", "device-42" })
        {
            Assert.DoesNotContain(personal, shown);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.DoesNotContain(await db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.After).ToListAsync(), a => a!.Contains("13912345678"));
    }

    [Fact]
    public async Task Post_PointWithoutAddress_WritesThePointAsTheAddress()
    {
        var community = await _kit.Data.CommunityAsync();
        var fields = Fields(await _kit.ApiKeyAsync(), community, "路灯不亮 " + Open311Kit.Marker());
        fields.Remove("address_string");

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), "json", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Guid.Parse(Assert.Single(await GeoReport.ListAsync(response, "json", "service_requests", "request"))["service_request_id"]!);
        var need = await Open311Kit.NeedAsync(_kit.Anonymous(), id);
        Assert.Equal("31.4601, 104.7352", need.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Post_LongFirstLine_TitleIsItsFirstSixtyCharacters()
    {
        var community = await _kit.Data.CommunityAsync();
        var firstLine = string.Concat(Enumerable.Repeat("垃圾", 40));

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), "json", Fields(await _kit.ApiKeyAsync(), community, firstLine));

        var id = Guid.Parse(Assert.Single(await GeoReport.ListAsync(response, "json", "service_requests", "request"))["service_request_id"]!);
        var need = await Open311Kit.NeedAsync(_kit.Anonymous(), id);
        Assert.Equal(firstLine[..60], need.GetProperty("title").GetString());
        Assert.Equal(firstLine, need.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("xml", "missing")]
    [InlineData("json", "missing")]
    [InlineData("xml", "wrong")]
    [InlineData("json", "wrong")]
    public async Task Post_MissingOrWrongApiKey_Answers403AndStoresNothing(string format, string kind)
    {
        var community = await _kit.Data.CommunityAsync();
        var fields = Fields(kind == "wrong" ? "cp311_" + new string('0', 48) : "", community, "无密钥 " + Open311Kit.Marker());
        if (kind == "missing")
        {
            fields.Remove("api_key");
        }

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), format, fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains("api_key", StringComparison.Ordinal));
        await AssertNoNeedsAsync(community);
    }

    [Theory]
    [InlineData("xml", "jurisdiction_id", "", HttpStatusCode.BadRequest)]
    [InlineData("json", "jurisdiction_id", "", HttpStatusCode.BadRequest)]
    [InlineData("json", "jurisdiction_id", "nowhere", HttpStatusCode.NotFound)]
    [InlineData("xml", "service_code", "", HttpStatusCode.BadRequest)]
    [InlineData("xml", "service_code", "no-such-service", HttpStatusCode.NotFound)]
    [InlineData("json", "service_code", "no-such-service", HttpStatusCode.NotFound)]
    public async Task Post_MissingOrUnknownTarget_AnswersTheSpecsStatusAndStoresNothing(string format, string field, string value, HttpStatusCode expected)
    {
        var community = await _kit.Data.CommunityAsync();
        var fields = Fields(await _kit.ApiKeyAsync(), community, "目标不对 " + Open311Kit.Marker());
        fields[field] = value;

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), format, fields);

        Assert.Equal(expected, response.StatusCode);
        var errors = await GeoReport.ErrorsAsync(response, format);
        Assert.Contains(errors, d => d.Contains(value.Length > 0 ? value : field, StringComparison.Ordinal));
        await AssertNoNeedsAsync(community);
    }

    [Theory]
    [InlineData("xml", "empty-description", "description")]
    [InlineData("json", "empty-description", "description")]
    [InlineData("json", "long-description", "description")]
    [InlineData("xml", "lat-without-long", "lat/long")]
    [InlineData("json", "lat-not-a-number", "lat/long")]
    [InlineData("json", "lat-out-of-range", "lat/long")]
    [InlineData("xml", "no-location", "address_string")]
    [InlineData("json", "long-address", "address_string")]
    public async Task Post_BadInput_Answers400WithTheParameterAndStoresNothing(string format, string kind, string parameter)
    {
        var community = await _kit.Data.CommunityAsync();
        var fields = Fields(await _kit.ApiKeyAsync(), community, "坏输入 " + Open311Kit.Marker());
        switch (kind)
        {
            case "empty-description": fields["description"] = "   "; break;
            case "long-description": fields["description"] = new string('长', 2001); break;
            case "lat-without-long": fields.Remove("long"); break;
            case "lat-not-a-number": fields["lat"] = "north"; break;
            case "lat-out-of-range": fields["lat"] = "91"; break;
            case "no-location": fields.Remove("lat"); fields.Remove("long"); fields.Remove("address_string"); break;
            case "long-address": fields["address_string"] = new string('址', 201); break;
        }

        var response = await Open311Kit.PostRequestAsync(_kit.Anonymous(), format, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await GeoReport.ErrorsAsync(response, format);
        Assert.Contains(errors, d => d.StartsWith(parameter + ":", StringComparison.Ordinal));
        Assert.Equal(errors.Count, errors.Distinct().Count());
        await AssertNoNeedsAsync(community);
    }

    [Fact]
    public async Task Post_JsonBody_Answers400BecauseGeoReportSubmitsForms()
    {
        var community = await _kit.Data.CommunityAsync();

        var response = await _kit.Anonymous().PostAsJsonAsync("/open311/v2/requests.json", Fields(await _kit.ApiKeyAsync(), community, "JSON 提交"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await GeoReport.ErrorsAsync(response, "json");
        await AssertNoNeedsAsync(community);
    }

    private async Task AssertNoNeedsAsync(CommunityRef community)
    {
        var list = await _kit.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/needs?community={community.Code}");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<Web.Modules.Needs.Need>().CountAsync(n => n.CommunityId == community.Id));
    }
}

[Collection(SqliteLane.Name)]
public sealed class Open311SubmitTestsOnSqlite(SqliteAppFactory factory) : Open311SubmitTests(factory);

[Collection(PostgresLane.Name)]
public sealed class Open311SubmitTestsOnPostgres(PostgresAppFactory factory) : Open311SubmitTests(factory);
