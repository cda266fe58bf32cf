using System.Net;
using System.Text;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>Discovery, the service list and service definitions: the categories as GeoReport services.</summary>
public abstract class Open311ServicesTests(AppFactory factory)
{
    private readonly Open311Kit _kit = new(factory);

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Discovery_EitherFormat_DescribesTheV2EndpointInBothFormats(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/discovery.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] top, endpointFields;
        string? specification, url;
        List<string> formats;
        if (format == "xml")
        {
            var root = (await GeoReport.XmlAsync(response)).Root!;
            Assert.Equal("discovery", root.Name.LocalName);
            top = [.. root.Elements().Select(e => e.Name.LocalName)];
            var endpoints = root.Element("endpoints")!.Elements().ToList();
            Assert.All(endpoints, e => Assert.Equal("endpoint", e.Name.LocalName));
            var endpoint = Assert.Single(endpoints);
            endpointFields = [.. endpoint.Elements().Select(e => e.Name.LocalName)];
            (specification, url) = (endpoint.Element("specification")?.Value, endpoint.Element("url")?.Value);
            Assert.All(endpoint.Element("formats")!.Elements(), e => Assert.Equal("format", e.Name.LocalName));
            formats = [.. endpoint.Element("formats")!.Elements().Select(e => e.Value)];
        }
        else
        {
            var root = await GeoReport.JsonAsync(response);
            top = [.. root.EnumerateObject().Select(p => p.Name)];
            var endpoint = Assert.Single(root.GetProperty("endpoints").EnumerateArray().ToList());
            endpointFields = [.. endpoint.EnumerateObject().Select(p => p.Name)];
            (specification, url) = (endpoint.GetProperty("specification").GetString(), endpoint.GetProperty("url").GetString());
            formats = [.. endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()!)];
        }

        Assert.Equal(["changeset", "contact", "endpoints", "key_service"], top.Order());
        Assert.Equal(["changeset", "formats", "specification", "type", "url"], endpointFields.Order());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", specification);
        Assert.EndsWith("/open311/v2", url);
        Assert.Equal(["application/json", "text/xml"], formats.Order());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Services_EitherFormat_ListsEachActiveCategoryWithTheGeoReportFields(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/services.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = await GeoReport.ListAsync(response, format, "services", "service");
        Assert.All(services, s => Assert.Equal(GeoReport.ServiceFields, s.Fields));
        Assert.Equal(services.Count, services.Select(s => s["service_code"]).Distinct().Count());
        var sanitation = Assert.Single(services, s => s["service_code"] == "sanitation");
        Assert.Equal("环境卫生", sanitation["service_name"]);
        Assert.Equal("false", sanitation["metadata"]);
        Assert.Equal("realtime", sanitation["type"]);
        Assert.Equal("民呼我应", sanitation["group"]);
        Assert.Contains("环境卫生", sanitation["keywords"]);
        Assert.Contains("24", sanitation["description"]);
        Assert.Contains(services, s => s["service_code"] == "parking-traffic" && s["service_name"] == "停车交通");
    }

    [Fact]
    public async Task Services_XmlAndJson_CarryTheSameServices()
    {
        var client = _kit.Anonymous();

        var xml = await GeoReport.ListAsync(await client.GetAsync("/open311/v2/services.xml"), "xml", "services", "service");
        var json = await GeoReport.ListAsync(await client.GetAsync("/open311/v2/services.json"), "json", "services", "service");

        Assert.Equal(xml.Select(s => s.Values.OrderBy(v => v.Key).ToList()), json.Select(s => s.Values.OrderBy(v => v.Key).ToList()));
    }

    [Fact]
    public async Task Services_English_NamesTheServicesInEnglish()
    {
        var response = await _kit.Anonymous().GetAsync("/open311/v2/services.json?culture=en");

        var services = await GeoReport.ListAsync(response, "json", "services", "service");
        Assert.Equal("Sanitation", Assert.Single(services, s => s["service_code"] == "sanitation")["service_name"]);
    }

    [Fact]
    public async Task Services_Xml_WritesChineseAsUtf8TextNotEntities()
    {
        var response = await _kit.Anonymous().GetAsync("/open311/v2/services.xml");

        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("<service_name>环境卫生</service_name>", raw);
        Assert.DoesNotContain("&#", raw);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task ServiceDefinition_KnownCode_HasTheCodeAndNoAttributes(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/services/repairs.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (format == "xml")
        {
            var root = (await GeoReport.XmlAsync(response)).Root!;
            Assert.Equal("service_definition", root.Name.LocalName);
            Assert.Equal(["service_code", "attributes"], root.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("repairs", root.Element("service_code")!.Value);
            Assert.Empty(root.Element("attributes")!.Elements());
        }
        else
        {
            var root = await GeoReport.JsonAsync(response);
            Assert.Equal(["service_code", "attributes"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("repairs", root.GetProperty("service_code").GetString());
            Assert.Equal(0, root.GetProperty("attributes").GetArrayLength());
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task ServiceDefinition_UnknownCode_Answers404InTheErrorFormat(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/services/no-such-service.{format}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains("no-such-service", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Services_UnknownJurisdiction_Answers404InTheErrorFormat(string format)
    {
        var response = await _kit.Anonymous().GetAsync($"/open311/v2/services.{format}?jurisdiction_id=nowhere-{Open311Kit.Marker()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await GeoReport.ErrorsAsync(response, format), d => d.Contains("jurisdiction_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Services_KnownJurisdiction_ListsTheServices()
    {
        var community = await _kit.Data.CommunityAsync();

        var response = await _kit.Anonymous().GetAsync($"/open311/v2/services.json?jurisdiction_id={community.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await GeoReport.ListAsync(response, "json", "services", "service"), s => s["service_code"] == "sanitation");
    }

    [Theory]
    [InlineData("/open311/v2/services.html", "xml")]
    [InlineData("/open311/v2/nothing-here.json", "json")]
    [InlineData("/open311/v2/nothing-here.xml", "xml")]
    public async Task UnknownResource_AnyPath_Answers404InTheErrorFormat(string path, string format)
    {
        var response = await _kit.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await GeoReport.ErrorsAsync(response, format);
    }

    [Fact]
    public async Task OpenApiDocument_Always_LeavesOpen311Out()
    {
        var document = await _kit.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/needs", document);
        Assert.DoesNotContain("open311", document, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Services_PostInsteadOfGet_AnswersInTheErrorFormat()
    {
        var response = await _kit.Anonymous().PostAsync("/open311/v2/services.json", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await GeoReport.ErrorsAsync(response, "json");
    }
}

[Collection(SqliteLane.Name)]
public sealed class Open311ServicesTestsOnSqlite(SqliteAppFactory factory) : Open311ServicesTests(factory);

[Collection(PostgresLane.Name)]
public sealed class Open311ServicesTestsOnPostgres(PostgresAppFactory factory) : Open311ServicesTests(factory);
