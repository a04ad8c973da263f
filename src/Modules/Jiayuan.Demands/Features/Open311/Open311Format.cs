using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Jiayuan.Demands.Features.Open311;

/// <summary>An ordered object of the GeoReport v2 responses (the same tree is written as JSON or as XML).</summary>
internal sealed class O311Object : List<KeyValuePair<string, object?>>
{
    public O311Object Set(string key, object? value)
    {
        Add(new(key, value));
        return this;
    }
}

/// <summary>A list; <see cref="Element"/> names the XML element of the list and <see cref="Item"/> of each item.</summary>
internal sealed record O311List(string Element, string Item, IReadOnlyList<object?> Items);

/// <summary>Writes GeoReport v2 responses in the format the URL's suffix asks for.</summary>
internal static class Open311Format
{
    public static string Date(DateTimeOffset? value) =>
        value is { } v ? Jiayuan.Core.Text.Dates.ToChina(v).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "";

    public static IResult Write(string format, O311List body, int status = 200) => new Open311Result(format, body, body.Element, status);

    /// <summary>A single object (discovery, a service definition): an object in JSON, the <paramref name="element"/> root in XML.</summary>
    public static IResult Write(string format, O311Object body, string element) => new Open311Result(format, body, element, 200);

    public static IResult Errors(string format, int status, params string[] descriptions) =>
        Write(format, new O311List("errors", "error", [.. descriptions.Select(d => new O311Object().Set("code", status).Set("description", d))]), status);

    private sealed class Open311Result(string format, object body, string element, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            var buffer = new MemoryStream();
            if (format == "xml")
            {
                httpContext.Response.ContentType = "text/xml; charset=utf-8";
                using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
                {
                    xml.WriteStartDocument();
                    WriteXml(xml, element, body);
                    xml.WriteEndDocument();
                }
            }
            else
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                WriteJson(json, body);
            }
            httpContext.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case O311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }
                json.WriteEndArray();
                break;
            case O311Object obj:
                json.WriteStartObject();
                foreach (var (key, v) in obj)
                {
                    json.WritePropertyName(key);
                    WriteJson(json, v);
                }
                json.WriteEndObject();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long n:
                json.WriteNumberValue(n);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteXml(XmlWriter xml, string element, object? value)
    {
        switch (value)
        {
            case O311List list:
                xml.WriteStartElement(list.Element);
                foreach (var item in list.Items)
                {
                    WriteXml(xml, list.Item, item);
                }
                xml.WriteEndElement();
                break;
            case O311Object obj:
                xml.WriteStartElement(element);
                foreach (var (key, v) in obj)
                {
                    if (v is O311List inner)
                    {
                        WriteXml(xml, key, inner);
                    }
                    else
                    {
                        WriteXml(xml, key, v);
                    }
                }
                xml.WriteEndElement();
                break;
            case bool b:
                xml.WriteElementString(element, b ? "true" : "false");
                break;
            case null:
                xml.WriteStartElement(element);
                xml.WriteEndElement();
                break;
            default:
                xml.WriteElementString(element, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
