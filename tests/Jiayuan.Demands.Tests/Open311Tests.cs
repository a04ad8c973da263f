using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>GeoReport v2 in JSON and XML: every method and its errors.</summary>
public class Open311Tests(JiayuanApp app)
{
    private const string Base = "/open311/v2";

    private async Task<string> KeyAsync()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var response = await admin.PostAsJsonAsync("/api/v1/open311/clients", new { name = "测试客户端" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("apiKey");
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Discovery_Services_And_Definition_In_Json_And_Xml()
    {
        var client = app.Anonymous();
        var discovery = await client.GetFromJsonAsync<JsonElement>($"{Base}/discovery.json");
        Assert.Contains("/open311/v2", discovery.GetProperty("endpoints")[0].Str("url"));
        var discoveryXml = XDocument.Parse(await client.GetStringAsync($"{Base}/discovery.xml"));
        Assert.Equal("discovery", discoveryXml.Root!.Name.LocalName);
        Assert.Equal(2, discoveryXml.Descendants("format").Count());

        var services = await client.GetFromJsonAsync<JsonElement>($"{Base}/services.json?jurisdiction_id={Known.Subdistrict}");
        var light = services.EnumerateArray().Single(s => s.Str("service_code") == "LIGHT");
        Assert.True(light.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", light.Str("type"));
        var servicesXml = XDocument.Parse(await client.GetStringAsync($"{Base}/services.xml"));
        Assert.Equal("services", servicesXml.Root!.Name.LocalName);
        Assert.Contains(servicesXml.Root.Elements("service"), s => s.Element("service_name")!.Value == "路灯不亮");

        var definition = await client.GetFromJsonAsync<JsonElement>($"{Base}/services/LIGHT.json");
        var pole = definition.GetProperty("attributes").EnumerateArray().Single(a => a.Str("code") == "pole");
        Assert.True(pole.GetProperty("required").GetBoolean());
        var definitionXml = XDocument.Parse(await client.GetStringAsync($"{Base}/services/LIGHT.xml"));
        Assert.Equal("service_definition", definitionXml.Root!.Name.LocalName);
        Assert.Equal(3, definitionXml.Descendants("value").Count());

        var missing = await client.GetAsync($"{Base}/services/NOPE.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, (await missing.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/services.json?jurisdiction_id=110105")).StatusCode);
    }

    [Fact]
    public async Task Post_Needs_A_Key_And_Gives_An_Id_That_Staff_Handle()
    {
        var client = app.Anonymous();
        var noKey = await client.PostAsync($"{Base}/requests.json", Form(("jurisdiction_id", Known.Subdistrict), ("service_code", "NOISE"), ("lat", "30.6"), ("long", "104.0")));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var badKey = await client.PostAsync($"{Base}/requests.xml", Form(("api_key", "wrong"), ("jurisdiction_id", Known.Subdistrict), ("service_code", "NOISE")));
        Assert.Equal(HttpStatusCode.Forbidden, badKey.StatusCode);
        Assert.Equal("errors", XDocument.Parse(await badKey.Content.ReadAsStringAsync()).Root!.Name.LocalName);

        var key = await KeyAsync();
        var missing = await client.PostAsync($"{Base}/requests.json", Form(("api_key", key), ("service_code", "NOISE"), ("lat", "30.6"), ("long", "104.0")));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("jurisdiction_id", (await missing.Content.ReadFromJsonAsync<JsonElement>())[0].Str("description"));
        var noAttribute = await client.PostAsync($"{Base}/requests.json", Form(("api_key", key), ("jurisdiction_id", Known.Subdistrict), ("service_code", "LIGHT"), ("address_string", "府城大道1号")));
        Assert.Equal(HttpStatusCode.BadRequest, noAttribute.StatusCode);
        Assert.Contains("attribute[pole]", await noAttribute.Content.ReadAsStringAsync());
        var noLocation = await client.PostAsync($"{Base}/requests.json", Form(("api_key", key), ("jurisdiction_id", Known.Subdistrict), ("service_code", "NOISE")));
        Assert.Equal(HttpStatusCode.BadRequest, noLocation.StatusCode);

        var created = await client.PostAsync($"{Base}/requests.json", Form(("api_key", key), ("jurisdiction_id", Known.Subdistrict), ("service_code", "LIGHT"),
            ("lat", "30.6101"), ("long", "104.0501"), ("attribute[pole]", "SY-0123"), ("attribute[fault]", "flicker"),
            ("description", "路灯闪烁，联系电话13711112222"), ("first_name", "小明"), ("last_name", "王"), ("phone", "13711112222"), ("account_id", "acc-1")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body[0].Str("service_request_id");
        Assert.False(body[0].TryGetProperty("token", out _));
        Assert.Equal("acc-1", body[0].Str("account_id"));

        // The same demand in the staff API.
        var jiedao = await app.LoginAsync(Known.SubdistrictAdmin);
        var staffView = await GetAsync(jiedao, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Open311", staffView.Str("channel"));

        var one = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests/{id}.json?extensions=true");
        Assert.Equal("open", one[0].Str("status"));
        Assert.Equal("路灯不亮", one[0].Str("service_name"));
        Assert.DoesNotContain("13711112222", one[0].Str("description"));
        Assert.Equal("石羊街道", one[0].Str("agency_responsible"));
        Assert.NotEmpty(one[0].Str("expected_datetime"));
        Assert.EndsWith("+08:00", one[0].Str("requested_datetime"));
        Assert.True(one[0].GetProperty("extended_attributes").GetProperty("notes").GetArrayLength() >= 2);
        var oneXml = XDocument.Parse(await client.GetStringAsync($"{Base}/requests/{id}.xml"));
        Assert.Equal("service_requests", oneXml.Root!.Name.LocalName);
        Assert.Equal(id, oneXml.Root.Element("request")!.Element("service_request_id")!.Value);

        var token = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Domain.Demand>().Where(d => d.Id == long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Select(d => d.Token)));
        var byToken = await client.GetFromJsonAsync<JsonElement>($"{Base}/tokens/{token}.json");
        Assert.Equal(id, byToken[0].Str("service_request_id"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/tokens/nope.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/requests/99999999.json")).StatusCode);
    }

    [Fact]
    public async Task Search_Filters_Caps_And_Errors()
    {
        var client = app.Anonymous();
        var all = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json");
        Assert.True(all.GetArrayLength() >= 8);
        var requested = all.EnumerateArray().Select(r => DateTimeOffset.Parse(r.Str("requested_datetime"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(requested.OrderByDescending(x => x).ToList(), requested);

        var closed = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json?status=closed");
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.Str("status")));
        Assert.True(closed.GetArrayLength() >= 3);
        var light = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json?service_code=LIGHT,NOISE");
        Assert.All(light.EnumerateArray(), r => Assert.Contains(r.Str("service_code"), new[] { "LIGHT", "NOISE" }));
        var ids = string.Join(',', all.EnumerateArray().Take(2).Select(r => r.Str("service_request_id")));
        var byIds = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json?service_request_id={ids}&status=closed&start_date=2000-01-01T00:00:00Z");
        Assert.Equal(2, byIds.GetArrayLength());
        // Other tests add demands meanwhile: page within a window that ends at the newest one seen.
        var end = Uri.EscapeDataString(all[0].Str("requested_datetime"));
        var window = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json?page_size=6&end_date={end}");
        var paged = await client.GetFromJsonAsync<JsonElement>($"{Base}/requests.json?page=2&page_size=3&end_date={end}");
        Assert.Equal(3, paged.GetArrayLength());
        Assert.Equal(window[3].Str("service_request_id"), paged[0].Str("service_request_id"));

        var span = await client.GetAsync($"{Base}/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00");
        Assert.Equal(HttpStatusCode.BadRequest, span.StatusCode);
        Assert.Contains("90", (await span.Content.ReadFromJsonAsync<JsonElement>())[0].Str("description"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Base}/requests.xml?start_date=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Base}/requests.json?status=pending")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/requests.csv")).StatusCode);
        var xml = XDocument.Parse(await client.GetStringAsync($"{Base}/requests.xml?status=open"));
        Assert.All(xml.Root!.Elements("request"), r => Assert.Equal("open", r.Element("status")!.Value));

        var updates = await client.GetFromJsonAsync<JsonElement>($"{Base}/servicerequestupdates.json?start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z");
        Assert.Equal(0, updates.GetArrayLength());
        var recent = await client.GetFromJsonAsync<JsonElement>($"{Base}/servicerequestupdates.json");
        Assert.All(recent.EnumerateArray(), u => Assert.NotEmpty(u.Str("update_id")));
        var updatesXml = XDocument.Parse(await client.GetStringAsync($"{Base}/servicerequestupdates.xml"));
        Assert.Equal("service_request_updates", updatesXml.Root!.Name.LocalName);
    }
}
