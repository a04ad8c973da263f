using System.Text.Json;
using Jiayuan.Alerts.Contracts;

namespace Jiayuan.Alerts.Tests;

public class PageTests(AlertsApp app)
{
    private const string Courtyard = Known.Xinyuan + "-01";

    [Fact]
    public async Task Console_ForResponder_ListsOpenAlertsWithActions_ResidentRefused()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var alert = await (await app.ResidentAsync()).RaiseAsync(Courtyard, AlertKind.SuspiciousPerson, "有人撬门");
        var html = await guard.Http.GetStringAsync("/alerts");
        Assert.Contains("有人撬门", html);
        Assert.Contains($"data-alert-id=\"{alert.Id}\"", html);
        Assert.Contains("data-respond=\"Acknowledged\"", html);
        Assert.Contains("_content/Jiayuan.Alerts/alerts.js", html);
        var js = await guard.Http.GetAsync("/_content/Jiayuan.Alerts/alerts.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);

        var resident = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/alerts")).StatusCode);
        var fucheng = await app.SignInAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync($"/alerts?scope={Known.Xinyuan}")).StatusCode);
    }

    [Fact]
    public async Task MyDuty_Page_Registers_And_Shows_Duty_ResidentRefused()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var html = await guard.Http.GetStringAsync("/alerts/me");
        Assert.Contains("锦绣物业", html);
        Assert.Contains("data-duty=\"OnDuty\"", html);
        Assert.Contains("name=\"Model.AreaIds\"", html);
        var staff = await app.SignInAsync(Known.XinyuanWorker);
        Assert.Contains("登记为响应人员", await staff.GetStringAsync("/alerts/me"));
        var resident = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/alerts/me")).StatusCode);
    }

    [Fact]
    public async Task Console_HasTheMap_CardsCarryTheirWgs84Point_PlaceOnlyAlertsHaveNone()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var resident = await app.ResidentAsync();
        var response = await resident.Http.PostAsJsonAsync("/api/v1/alerts",
            new { kind = AlertKind.Medical, placeId = await app.PlaceIdAsync(Courtyard), latitude = 30.60612, longitude = 104.05331, text = "老人摔倒" }, AlertsApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var withPoint = (await response.Content.ReadFromJsonAsync<AlertView>(AlertsApp.Json))!;
        var placeOnly = await (await app.ResidentAsync()).RaiseAsync(Courtyard, AlertKind.Theft, "电瓶车被偷");

        var html = await guard.Http.GetStringAsync("/alerts");
        Assert.Contains("data-alert-map", html);
        Assert.Contains("/lib/leaflet/leaflet.js", html);
        Assert.Contains("/lib/leaflet/leaflet.css", html);
        Assert.Contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"", html);
        var card = Card(html, withPoint.Id);
        Assert.Contains("data-kind=\"Medical\"", card);
        Assert.Contains("data-answered=\"false\"", card);
        Assert.Contains("data-lat=\"30.60612\"", card);
        Assert.Contains("data-lng=\"104.05331\"", card);
        Assert.Contains("data-show-on-map", card);
        var other = Card(html, placeOnly.Id);
        Assert.DoesNotContain("data-lat", other);
        Assert.DoesNotContain("data-show-on-map", other);

        var rows = await guard.Http.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?scope={Known.Xinyuan}&open=true");
        var row = rows.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == withPoint.Id);
        Assert.Equal(30.60612, row.GetProperty("latitude").GetDouble());
        Assert.Equal(104.05331, row.GetProperty("longitude").GetDouble());

        static string Card(string html, long id)
        {
            var start = html.IndexOf($"data-alert-id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0);
            var next = html.IndexOf("class=\"alert-card", start, StringComparison.Ordinal);
            return html[start..(next > 0 ? next : html.Length)];
        }
    }

    [Fact]
    public async Task Review_ShowsTimeline_ExportsXlsx_StatsMeasureTimeToAck()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Courtyard, AlertKind.Disaster, "围墙倒塌");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await guard.Http.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/responses", new { status = "Acknowledged" });
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        await guard.Http.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/responses", new { status = "Resolved", note = "已调解" });

        var page = await resident.Http.GetStringAsync($"/alerts/{alert.Id}");
        Assert.Contains("已调解", page);
        Assert.Contains("锦绣物业", page);
        var xlsx = await resident.Http.GetAsync($"/api/v1/alerts/{alert.Id}/timeline.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ResidentAsync()).Http.GetAsync($"/api/v1/alerts/{alert.Id}/timeline.xlsx")).StatusCode);

        var worker = await app.SignInAsync(Known.XinyuanWorker);
        var stats = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/stats?scope={Courtyard}");
        var disaster = stats.GetProperty("byKind").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "Disaster");
        Assert.Equal(30, disaster.GetProperty("medianSecondsToAck").GetDouble(), 0);
        Assert.Equal(120, disaster.GetProperty("medianSecondsToOnScene").GetDouble(), 0);
        Assert.Contains("警情统计", await worker.GetStringAsync($"/alerts/stats?scope={Known.Xinyuan}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(Known.FuchengWorker)).GetAsync($"/api/v1/alerts/stats?scope={Known.Xinyuan}")).StatusCode);
    }

    [Fact]
    public async Task CommunityPage_HasSosButton_SosPageOffersKinds()
    {
        var resident = await app.ResidentAsync();
        var home = await resident.Http.GetStringAsync($"/c/{Known.Xinyuan}");
        Assert.Contains($"/sos?place={Known.Xinyuan}", home);
        var sos = await resident.Http.GetStringAsync($"/sos?place={Known.Xinyuan}");
        Assert.Contains("data-sos", sos);
        Assert.Contains("value=\"Fire\"", sos);
        Assert.Contains("新园社区", sos);
    }
}
