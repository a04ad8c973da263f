using System.Text.Json;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Alerts.Features.Read;
using Jiayuan.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Alerts.Tests;

public class RaiseTests(AlertsApp app)
{
    private const string Courtyard = Known.Xinyuan + "-01";

    [Fact]
    public async Task Raise_ByResident_Returns201AndTimelineForRaiserOnly()
    {
        var resident = await app.ResidentAsync();
        var response = await resident.Http.PostAsJsonAsync("/api/v1/alerts",
            new { kind = "Fire", placeId = await app.PlaceIdAsync(Courtyard), latitude = 30.56, longitude = 104.05, text = "3栋冒烟" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = (await response.Content.ReadFromJsonAsync<AlertView>(AlertsApp.Json))!;
        Assert.Equal($"/api/v1/alerts/{alert.Id}", response.Headers.Location?.ToString());
        Assert.Equal(AlertKind.Fire, alert.Kind);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.True(alert.EventId > 0);

        var detail = await resident.Http.GetFromJsonAsync<AlertDetail>($"/api/v1/alerts/{alert.Id}", AlertsApp.Json);
        Assert.Equal(AlertEventType.Raised, Assert.Single(detail!.Timeline).Type);
        Assert.Equal(30.56, detail.Alert.Latitude);

        var other = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/alerts/{alert.Id}")).StatusCode);
        var fucheng = await app.SignInAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await fucheng.GetAsync($"/api/v1/alerts/{alert.Id}")).StatusCode);
        var xinyuan = await app.SignInAsync(Known.XinyuanWorker);
        Assert.Equal(HttpStatusCode.OK, (await xinyuan.GetAsync($"/api/v1/alerts/{alert.Id}")).StatusCode);
    }

    [Fact]
    public async Task Raise_IsAttributedAndPersistedBeforeItIsSent()
    {
        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Courtyard);
        var row = await app.WithDbAsync(db => db.Set<Alert>().SingleAsync(a => a.Id == alert.Id));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == resident.Login).Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, row.RaisedById);
        Assert.False(string.IsNullOrEmpty(row.RaisedFromIp));
        var evt = await app.WithDbAsync(db => db.Set<AlertEvent>().SingleAsync(e => e.AlertId == alert.Id));
        Assert.Equal(alert.EventId, evt.Id);
    }

    [Fact]
    public async Task Raise_BadInput_ReturnsFieldErrors()
    {
        var resident = await app.ResidentAsync();
        var response = await resident.Http.PostAsJsonAsync("/api/v1/alerts", new { placeId = 999999999, latitude = 30.5, text = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "kind", "placeId", "latitude", "text" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Raise_WithoutPlace_UsesTheRaisersHome()
    {
        var jumin = await app.PersonAsync(Known.Resident);
        var response = await jumin.Http.PostAsJsonAsync("/api/v1/alerts", new { kind = "Medical", text = "老人摔倒" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = (await response.Content.ReadFromJsonAsync<AlertView>(AlertsApp.Json))!;
        Assert.Equal(await app.PlaceIdAsync(Known.Fucheng), alert.PlaceId);
    }

    [Fact]
    public async Task Raise_ResidentBeyondRateLimit_Returns429()
    {
        var resident = await app.ResidentAsync();
        var placeId = await app.PlaceIdAsync(Courtyard);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await resident.Http.PostAsJsonAsync("/api/v1/alerts", new { kind = "Other", placeId })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task Raise_BlockedUser_Returns403_AndOnlyAdminsBlock()
    {
        var resident = await app.ResidentAsync();
        for (var i = 0; i < 2; i++)
        {
            await resident.RaiseAsync(Known.Xinyuan + "-03", AlertKind.Other, "恶作剧");
        }
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == resident.Login).Select(u => u.Id).SingleAsync());
        var worker = await app.SignInAsync(Known.XinyuanWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/alerts/blocks", new { userId, reason = "恶意报警" })).StatusCode);
        var admin = await app.SignInAsync(Known.SubdistrictAdmin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/v1/alerts/blocks", new { userId, reason = "恶意报警" })).StatusCode);
        var response = await resident.Http.PostAsJsonAsync("/api/v1/alerts", new { kind = "Other", placeId = await app.PlaceIdAsync(Courtyard) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stats = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/stats?scope={Known.Xinyuan}-03");
        var top = stats.GetProperty("topRaisers").EnumerateArray().Single(r => r.GetProperty("userId").GetInt64() == userId);
        Assert.Equal(2, top.GetProperty("alerts").GetInt32());
        Assert.True(top.GetProperty("blocked").GetBoolean());
        var adminPage = await admin.GetStringAsync($"/alerts/stats?scope={Known.Xinyuan}-03");
        Assert.Contains("已禁止报警", adminPage);
        Assert.DoesNotContain("data-block-user", await worker.GetStringAsync($"/alerts/stats?scope={Known.Xinyuan}-03"));
    }

    [Fact]
    public async Task RegisterResponder_OutsideGrant_Returns403_ResidentRefused_DutySwitches()
    {
        var login = await app.CreateUserAsync(Role.Responder, Known.Xinyuan);
        var http = await app.SignInAsync(login);
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsJsonAsync("/api/v1/alerts/responders/me", new { unit = "保安", areaIds = new[] { fucheng } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsJsonAsync("/api/v1/alerts/responders/me", new { unit = "", areaIds = Array.Empty<long>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/alerts/responders/me")).StatusCode);
        var ok = await http.PutAsJsonAsync("/api/v1/alerts/responders/me", new { unit = "新园联防队", areaIds = new[] { xinyuan }, duty = "OffDuty" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var duty = await http.PutAsJsonAsync("/api/v1/alerts/responders/me/duty", new { duty = "OnDuty" });
        Assert.Equal(HttpStatusCode.OK, duty.StatusCode);
        var me = await http.GetFromJsonAsync<JsonElement>("/api/v1/alerts/responders/me");
        Assert.Equal("OnDuty", me.GetProperty("duty").GetString());

        var resident = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.PutAsJsonAsync("/api/v1/alerts/responders/me", new { unit = "x", areaIds = new[] { xinyuan } })).StatusCode);

        var worker = await app.SignInAsync(Known.XinyuanWorker);
        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/responders?scope={Known.Xinyuan}");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("unit").GetString() == "新园联防队");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(Known.FuchengWorker)).GetAsync($"/api/v1/alerts/responders?scope={Known.Xinyuan}")).StatusCode);
    }

    [Fact]
    public async Task Respond_ThroughApi_RecordsTimelineAndResolves()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "保安公司", areaCodes: Courtyard);
        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Courtyard);
        var url = $"/api/v1/alerts/{alert.Id}/responses";
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url, new { status = "Acknowledged" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url, new { status = "Acknowledged" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url, new { status = "OnMyWay", etaMinutes = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url, new { status = "OnScene" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await guard.Http.PostAsJsonAsync(url, new { status = "Resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url, new { status = "Resolved", note = "已劝离" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await guard.Http.PostAsJsonAsync(url, new { status = "OnScene" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.PostAsJsonAsync(url, new { status = "Acknowledged" })).StatusCode);

        var detail = await resident.Http.GetFromJsonAsync<AlertDetail>($"/api/v1/alerts/{alert.Id}", AlertsApp.Json);
        Assert.Equal([AlertEventType.Raised, AlertEventType.Acknowledged, AlertEventType.OnMyWay, AlertEventType.OnScene, AlertEventType.Resolved],
            detail!.Timeline.Select(t => t.Type));
        Assert.Equal(AlertState.Resolved, detail.Alert.State);
        var coming = Assert.Single(detail.Alert.Responders);
        Assert.Equal("保安公司", coming.Unit);
        Assert.Equal(3, detail.Timeline[2].EtaMinutes);
        Assert.True(detail.Timeline.Zip(detail.Timeline.Skip(1)).All(p => p.First.EventId < p.Second.EventId));
    }

    [Fact]
    public async Task Photo_ByRaiser_IsSeenByResponders_OthersRefused()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Courtyard, AlertKind.Fire, "有照片");
        // A 1×1 PNG.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        MultipartFormDataContent Form(byte[] bytes, string type)
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            content.Add(file, "file", "scene.png");
            return content;
        }
        var other = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/api/v1/alerts/{alert.Id}/photos", Form(png, "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.Http.PostAsync($"/api/v1/alerts/{alert.Id}/photos", Form("%PDF-1.4 x"u8.ToArray(), "application/pdf"))).StatusCode);
        var created = await resident.Http.PostAsync($"/api/v1/alerts/{alert.Id}/photos", Form(png, "image/png"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var detail = await guard.Http.GetFromJsonAsync<AlertDetail>($"/api/v1/alerts/{alert.Id}", AlertsApp.Json);
        Assert.Equal([url], detail!.Photos);
        var image = await guard.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.StartsWith("image/", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
    }
}
