using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>One GeoReport element (XML) or object (JSON): its field names in order, and their values as text.</summary>
internal sealed record GeoItem(IReadOnlyList<string> Fields, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string field] => Values[field];
}

/// <summary>
/// Reads GeoReport v2 responses in either format into the same shape, checking the format's own rules on the way:
/// the media type and charset, the XML declaration, the root and item element names (XML) or the array (JSON).
/// Empty XML elements and JSON nulls/empty strings both read as null, so the two formats compare directly.
/// </summary>
internal static class GeoReport
{
    /// <summary>The field lists of the GeoReport v2 specification, http://wiki.open311.org/GeoReport_v2.</summary>
    public static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    public static readonly string[] CreatedFields = ["service_request_id", "service_notice", "account_id"];

    public static readonly string[] ErrorFields = ["code", "description"];

    public static readonly string[] Formats = ["xml", "json"];

    public static async Task<XDocument> XmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.OrdinalIgnoreCase);
        var doc = XDocument.Parse(text);
        Assert.Equal("utf-8", doc.Declaration?.Encoding, ignoreCase: true);
        Assert.Equal(XNamespace.None, doc.Root!.Name.Namespace);
        return doc;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>A list response (&lt;root&gt;&lt;item/&gt;…&lt;/root&gt; or [ … ]) as items.</summary>
    public static async Task<IReadOnlyList<GeoItem>> ListAsync(HttpResponseMessage response, string format, string root, string item)
    {
        if (format == "xml")
        {
            var doc = await XmlAsync(response);
            Assert.Equal(root, doc.Root!.Name.LocalName);
            Assert.All(doc.Root.Elements(), e => Assert.Equal(item, e.Name.LocalName));
            return [.. doc.Root.Elements().Select(Item)];
        }

        var json = await JsonAsync(response);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        return [.. json.EnumerateArray().Select(Item)];
    }

    /// <summary>A GeoReport error response: every error's code equals the HTTP status; the descriptions.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response, string format)
    {
        var errors = await ListAsync(response, format, "errors", "error");
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal(ErrorFields, e.Fields);
            Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), e["code"]);
            Assert.False(string.IsNullOrWhiteSpace(e["description"]));
        });
        return [.. errors.Select(e => e["description"]!)];
    }

    public static GeoItem Item(XElement element) =>
        new([.. element.Elements().Select(e => e.Name.LocalName)],
            element.Elements().ToDictionary(e => e.Name.LocalName, e => e.HasElements ? e.ToString() : Blank(e.Value)));

    public static GeoItem Item(JsonElement obj)
    {
        Assert.Equal(JsonValueKind.Object, obj.ValueKind);
        var props = obj.EnumerateObject().ToList();
        return new([.. props.Select(p => p.Name)], props.ToDictionary(p => p.Name, p => Text(p.Value)));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => Blank(value.GetString()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
