using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace CommunityPartner.Web.Modules.Needs.Open311;

public enum GeoFormat
{
    Xml,
    Json,
}

/// <summary>
/// A GeoReport element with named children, written as an XML element or a JSON object. Values are strings, numbers,
/// booleans, null, <see cref="GeoObject"/> or <see cref="GeoList"/>; children keep their order.
/// </summary>
public sealed class GeoObject : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public void Add(string name, object? value) => _fields.Add(new(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A repeated element: &lt;services&gt;&lt;service/&gt;…&lt;/services&gt; in XML, an array in JSON (the Spark convention).</summary>
public sealed record GeoList(string ItemName, IReadOnlyList<object?> Items);

/// <summary>
/// Writes one GeoReport v2 response in the format the URL asked for. Both formats come from the same tree, so the
/// XML and the JSON never disagree. UTF-8 always, with the XML declaration saying so; Chinese is written as text,
/// never as entities or \u escapes.
/// </summary>
public sealed class GeoReportResult(int statusCode, string rootName, object body, GeoFormat format) : IResult
{
    private static readonly JavaScriptEncoder JsonText = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static bool TryParseFormat(string? extension, out GeoFormat format)
    {
        format = GeoFormat.Xml;
        switch (extension)
        {
            case "xml":
                return true;
            case "json":
                format = GeoFormat.Json;
                return true;
            default:
                return false;
        }
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = format == GeoFormat.Json ? ToJson() : ToXml();
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = format == GeoFormat.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public byte[] ToXml()
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            WriteXmlElement(xml, rootName, body);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText }))
        {
            WriteJsonValue(json, body);
        }

        return buffer.ToArray();
    }

    private static void WriteXmlElement(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case GeoObject obj:
                foreach (var (childName, child) in obj)
                {
                    WriteXmlElement(xml, childName, child);
                }

                break;
            case GeoList list:
                foreach (var item in list.Items)
                {
                    WriteXmlElement(xml, list.ItemName, item);
                }

                break;
            default:
                xml.WriteString(XmlSafe(Scalar(value)));
                break;
        }

        xml.WriteEndElement();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case GeoObject obj:
                json.WriteStartObject();
                foreach (var (name, child) in obj)
                {
                    json.WritePropertyName(name);
                    WriteJsonValue(json, child);
                }

                json.WriteEndObject();
                break;
            case GeoList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            default:
                json.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Residents' text may hold control characters that XML 1.0 cannot carry at all; they are dropped.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }
}
