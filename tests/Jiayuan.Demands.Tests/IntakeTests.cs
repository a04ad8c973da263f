using System.Net.Http.Headers;
using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Domain;
using Microsoft.EntityFrameworkCore;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>Group commit under concurrency, photos, and the editable holiday table.</summary>
public class IntakeTests(JiayuanApp app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Concurrent_Submissions_Each_Get_Their_Own_Demand_And_Audit_Entry()
    {
        var users = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        }
        var clients = new List<HttpClient>();
        foreach (var u in users)
        {
            clients.Add(await app.LoginAsync(u));
        }
        var marker = Guid.NewGuid().ToString("N")[..8];
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var response = await clients[i % clients.Count].PostAsJsonAsync("/api/v1/demands", new { category = "NOISE", description = $"并发 {marker} {i}", address = "府城" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (i, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }));
        Assert.Equal(60, results.Select(r => r.Item2).Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Set<Demand>().Where(d => d.Description.StartsWith($"并发 {marker}")).Select(d => new { d.Id, d.RequesterUserId }).ToListAsync());
        Assert.Equal(60, stored.Count);
        var ids = stored.Select(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Demand) && a.Action == "create" && ids.Contains(a.EntityId!)).ToListAsync());
        Assert.Equal(60, audits.Count);
        foreach (var (i, id) in results)
        {
            Assert.Equal(users[i % users.Count], audits.Single(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).UserName);
        }
    }

    [Fact]
    public async Task Requester_Attaches_A_Photo_And_Other_Files_Are_Refused()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "ENV-GARBAGE", description = "垃圾堆放（照片）", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "a.png");
            var response = await resident.PostAsync($"/api/v1/demands/{id}/photos", form);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.4 test"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "a.pdf");
            var refused = await resident.PostAsync($"/api/v1/demands/{id}/photos", form);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        }
        var view = await GetAsync(resident, id);
        var photo = view.GetProperty("photoIds")[0].GetInt64();
        var image = await app.Anonymous().GetAsync($"/api/v1/demands/{id}/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.StartsWith("image/", image.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        // Someone else's demand: not visible, so 404.
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        using var form2 = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "b.png" } };
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/demands/{id}/photos", form2)).StatusCode);
    }

    [Fact]
    public async Task Staff_Hide_A_Photo_From_The_Public_With_A_Reason_And_Show_It_Again()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var id = (await SubmitAsync(resident, new { category = "ENV-GARBAGE", description = "楼道堆物（照片里有邻居）", placeCode = await CourtyardAsync(app, Known.Fucheng) })).GetProperty("id").GetInt64();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "a.png");
            Assert.Equal(HttpStatusCode.Created, (await resident.PostAsync($"/api/v1/demands/{id}/photos", form)).StatusCode);
        }
        var photo = (await GetAsync(resident, id)).GetProperty("photoIds")[0].GetInt64();
        var photoUrl = $"/api/v1/demands/{id}/photos/{photo}";
        var moderation = $"/api/v1/demands/{id}/photos/{photo}/moderation";
        var worker = await app.LoginAsync(Known.FuchengWorker);

        // A reason is required; another community's worker does not even see the demand; the requester may not moderate.
        var noReason = await worker.PostAsJsonAsync(moderation, new { hidden = true, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoginAsync(Known.XinyuanWorker)).PostAsJsonAsync(moderation, new { hidden = true, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync(moderation, new { hidden = true, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(photoUrl)).StatusCode);

        // Hidden through the staff page's button: gone for the public and the requester, kept for staff, not cacheable.
        var page = await worker.GetStringAsync($"/staff/demands/{id}");
        Assert.Contains($"value=\"hide:{photo}\"", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await worker.PostAsync($"/staff/demands/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "act", ["Model.Action"] = $"hide:{photo}", ["Model.PhotoReason"] = "能认出邻居的脸",
        }));
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Contains("已对公众隐藏", await worker.GetStringAsync(posted.Headers.Location), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(0, (await GetAsync(resident, id)).GetProperty("photoIds").GetArrayLength());
        Assert.DoesNotContain((await GetAsync(resident, id)).GetProperty("timeline").EnumerateArray(), e => e.Str("kind") == "PhotoHidden");
        var staffImage = await worker.GetAsync(photoUrl);
        Assert.Equal(HttpStatusCode.OK, staffImage.StatusCode);
        Assert.True(staffImage.Headers.CacheControl!.NoStore);
        var staffView = await GetAsync(worker, id);
        Assert.Equal(photo, staffView.GetProperty("hiddenPhotoIds")[0].GetInt64());
        Assert.Contains(staffView.GetProperty("timeline").EnumerateArray(), e => e.Str("kind") == "PhotoHidden" && e.Str("note") == "能认出邻居的脸");
        Assert.DoesNotContain($"/photos/{photo}", await app.Anonymous().GetStringAsync($"/open311/v2/requests/{id}.json"), StringComparison.Ordinal);

        var shown = await worker.PostAsJsonAsync(moderation, new { hidden = false });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(photoUrl)).StatusCode);
        Assert.Equal(photo, (await GetAsync(resident, id)).GetProperty("photoIds")[0].GetInt64());
    }

    [Fact]
    public async Task The_Map_Library_Is_Served_And_Its_Tiles_Are_Allowed()
    {
        var client = app.Anonymous();
        var leaflet = await client.GetAsync("/lib/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Contains("Leaflet", await leaflet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/echarts/echarts.min.js")).StatusCode);
        var page = await client.GetAsync("/demands/new");
        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("id=\"map-picker\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Edited_Year_Replaces_The_Shipped_Table()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var shipped = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/demands/calendar/2026");
        Assert.Contains(shipped.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-10-10" && d.GetProperty("workday").GetBoolean());

        var bad = await admin.PutAsJsonAsync("/api/v1/demands/calendar/2030", new[] { new { date = "2031-01-01", workday = false, name = "元旦" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var worker = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/v1/demands/calendar/2030", Array.Empty<object>())).StatusCode);

        var ok = await admin.PutAsJsonAsync("/api/v1/demands/calendar/2030", new[]
        {
            new { date = "2030-01-01", workday = false, name = "元旦" },
            new { date = "2030-01-05", workday = true, name = "调休" },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var edited = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/demands/calendar/2030");
        Assert.Equal(2, edited.GetArrayLength());
        var calendar = app.Services.GetService(typeof(WorkCalendar)) as WorkCalendar;
        var days = await calendar!.DaysAsync(default);
        Assert.True(WorkCalendar.IsWorkday(days, new DateOnly(2030, 1, 5)));   // a Saturday made a working day
        Assert.False(WorkCalendar.IsWorkday(days, new DateOnly(2030, 1, 1)));  // a Tuesday holiday
    }
}
