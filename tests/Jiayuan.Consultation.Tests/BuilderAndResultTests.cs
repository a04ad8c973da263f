using System.Text.Json;

namespace Jiayuan.Consultation.Tests;

public class BuilderAndResultTests(JiayuanApp app)
{
    [Fact]
    public async Task Builders_Registry_Teams_Advice()
    {
        var sanyuan = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/builders?scope={Known.Sanyuan}");
        Assert.Equal(5, sanyuan.GetProperty("space").GetInt32());
        Assert.Equal(9, sanyuan.GetProperty("activity").GetInt32());

        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var worker = await app.LoginAsync(Known.XinyuanWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/consultation/builders", new { name = "越权", specialty = "Space" })).StatusCode);
        var created = await admin.PostAsJsonAsync("/api/v1/consultation/builders", new { name = "景观师张三", specialty = "Space", school = "四川大学", background = "景观设计", local = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync($"/api/v1/consultation/builders/{id}/assignments", new { placeId = xinyuan })).StatusCode);
        var team = await worker.PostAsJsonAsync($"/api/v1/consultation/builders/{id}/assignments", new { placeId = xinyuan });
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/consultation/builders/{id}/assignments", new { placeId = xinyuan })).StatusCode);

        var topics = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics?scope={Known.Xinyuan}");
        var topicId = topics.EnumerateArray().First(t => t.GetProperty("title").GetString()!.StartsWith("小区垃圾分类桶站", StringComparison.Ordinal)).GetProperty("id").GetInt64();
        var advice = await worker.PostAsJsonAsync($"/api/v1/consultation/builders/{id}/advice", new { topicId, text = "桶站改为半开敞式并种植驱蚊植物。", resourceUrl = "https://example.cn/plants" });
        Assert.Equal(HttpStatusCode.Created, advice.StatusCode);
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/advice?topicId={topicId}");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("resourceUrl").GetString() == "https://example.cn/plants" && a.GetProperty("builderName").GetString() == "景**");
    }

    [Fact]
    public async Task AdoptedDecision_BecomesTrackedResult_WithTimeline()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var body = (await (await staff.PostAsJsonAsync("/api/v1/consultation/bodies", new { placeId = xinyuan, kind = "OwnersCommittee", name = "测试业委会" + Guid.NewGuid().ToString("N")[..4] }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var member = (await (await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{body}/members", new { name = "委员甲", organization = "业委会" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var meeting = await (await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{body}/meetings", new { title = "业委会例会", startsAt = app.Clock.GetUtcNow(), agenda = new[] { "更换门禁" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var meetingId = meeting.GetProperty("meeting").GetProperty("id").GetInt64();
        var item = meeting.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{meetingId}/check-in", new { memberId = member });
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{meetingId}/agenda/{item}/decision", new { text = "更换为人脸门禁", outcome = "Adopted", votesFor = 1 })).StatusCode);

        var results = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results?scope={Known.Xinyuan}");
        var result = results.EnumerateArray().First(r => r.GetProperty("source").GetString() == "AgendaDecision" && r.GetProperty("sourceId").GetInt64() == item);
        Assert.Equal("Planned", result.GetProperty("status").GetString());
        var id = result.GetProperty("id").GetInt64();
        var bad = await staff.PostAsJsonAsync($"/api/v1/consultation/results/{id}/updates", new { status = "InProgress", progress = 120, note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var updated = await staff.PostAsJsonAsync($"/api/v1/consultation/results/{id}/updates", new { status = "InProgress", progress = 40, note = "设备已采购" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results/{id}");
        Assert.Equal(40, detail.GetProperty("result").GetProperty("progress").GetInt32());
        Assert.Equal(2, detail.GetProperty("timeline").GetArrayLength());
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync($"/api/v1/consultation/results/{id}/updates", new { status = "Done", progress = 100, note = "x" })).StatusCode);

        // Photos of the result: images only, shown with its timeline.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "site.png" } })
        {
            Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync($"/api/v1/consultation/results/{id}/photos", form)).StatusCode);
        }
        using (var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 x"u8.ToArray()), "file", "a.pdf" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/v1/consultation/results/{id}/photos", pdf)).StatusCode);
        }
        using (var other = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "x.png" } })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsync($"/api/v1/consultation/results/{id}/photos", other)).StatusCode);
        }
        var withPhoto = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results/{id}");
        var photoId = withPhoto.GetProperty("photoIds")[0].GetInt64();
        var image = await app.Anonymous().GetAsync($"/api/v1/consultation/results/{id}/photos/{photoId}");
        Assert.StartsWith("image/", image.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }
}

public class ConsultationPageTests(JiayuanApp app)
{
    [Fact]
    public async Task Pages_Render_InChinese()
    {
        var client = app.Anonymous();
        Assert.Contains("新园社区居民议事会", await client.GetStringAsync("/consultation"), StringComparison.Ordinal);
        Assert.Contains("老年人智能手机课堂", await client.GetStringAsync("/funds/1"), StringComparison.Ordinal);
        Assert.Contains("项目征集", await client.GetStringAsync("/funds/1"), StringComparison.Ordinal);
        Assert.Contains("从决定到落实", await client.GetStringAsync($"/results?scope={Known.Xinyuan}"), StringComparison.Ordinal);
        Assert.Contains("发展治理大家谈（第12期）", await client.GetStringAsync("/bodies/1"), StringComparison.Ordinal);
        var meeting = await client.GetStringAsync("/meetings/1");
        Assert.Contains("口袋公园改造方案", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain("202612", meeting, StringComparison.Ordinal); // the check-in code is for staff only
        Assert.Contains("202612", await (await app.LoginAsync(Known.XinyuanWorker)).GetStringAsync("/meetings/1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/funds/999999")).StatusCode);
    }
}
