using System.Net.Http.Headers;
using System.Text.Json;
using Jiayuan.Core.Identity;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Jiayuan.Notices.Tests;

public class PublishNoticeTests(JiayuanApp app)
{
    private async Task<(HttpClient Client, long PlaceId)> WorkerAsync(string community = Known.Fucheng)
    {
        var login = await app.CreateUserAsync(Role.CommunityWorker, community);
        return (await app.LoginAsync(login), await app.PlaceIdAsync(community));
    }

    [Fact]
    public async Task Publish_InScope_IsReadableOnHomeAndBoard()
    {
        var (client, placeId) = await WorkerAsync();
        var title = "停水通知 " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "Property", title, bodyHtml = "<p>明天 <b>9点</b> 停水</p>", pinned = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        Assert.Equal(title, notice.GetProperty("title").GetString());
        Assert.Equal("Property", notice.GetProperty("board").GetString());
        Assert.Equal(JsonValueKind.Null, notice.GetProperty("readCount").ValueKind);

        var board = await app.Anonymous().GetStringAsync($"/c/{Known.Fucheng}/notices?board=Property");
        Assert.Contains(title, board, StringComparison.Ordinal);
        var page = await app.Anonymous().GetStringAsync($"/notices/{id}");
        Assert.Contains("<b>9点</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Script_IsSanitized()
    {
        var (client, placeId) = await WorkerAsync();
        var response = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "ResidentAffairs", title = "脚本测试", bodyHtml = "<p>内容</p><script>alert('x')</script><img src=x onerror=alert(1)>" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var html = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}")).GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("内容", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OnlyScript_IsRefusedAsEmpty()
    {
        var (client, placeId) = await WorkerAsync();
        var response = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "ResidentAffairs", title = "只有脚本", bodyHtml = "<script>alert('x')</script>" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("bodyHtml", out _));
    }

    [Fact]
    public async Task Publish_OtherCommunity_IsForbidden()
    {
        var (client, _) = await WorkerAsync(Known.Fucheng);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var response = await client.PostAsJsonAsync("/api/v1/notices", new { placeId = xinyuan, board = "Property", title = "越权", bodyHtml = "<p>x</p>" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Publish_CommunityWorkerToSubdistrict_IsForbidden_AdminMayPublish()
    {
        var (client, _) = await WorkerAsync();
        var root = await app.PlaceIdAsync(Known.Subdistrict);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/notices", new { placeId = root, board = "PartyAffairs", title = "全街道", bodyHtml = "<p>x</p>" })).StatusCode);
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/notices", new { placeId = root, board = "PartyAffairs", title = "全街道", bodyHtml = "<p>x</p>" })).StatusCode);
    }

    [Fact]
    public async Task Publish_Invalid_ListsEachFieldInChinese()
    {
        var (client, placeId) = await WorkerAsync();
        var response = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, title = "", bodyHtml = "", publishAt = "2026-12-01T10:00:00+08:00", expireAt = "2026-11-01T10:00:00+08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写标题。", errors.GetProperty("title")[0].GetString());
        Assert.True(errors.TryGetProperty("board", out _));
        Assert.True(errors.TryGetProperty("bodyHtml", out _));
        Assert.True(errors.TryGetProperty("expireAt", out _));
    }

    [Fact]
    public async Task Scheduled_HiddenUntilPublishAt_ExpiredHiddenAfter()
    {
        var (client, placeId) = await WorkerAsync(Known.Jincheng);
        var now = app.Clock.GetUtcNow();
        var future = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "Sanitation", title = "将来的通知", bodyHtml = "<p>x</p>", publishAt = now.AddDays(2) });
        var futureId = (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var past = await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "Sanitation", title = "过期的通知", bodyHtml = "<p>x</p>", publishAt = now.AddDays(-3), expireAt = now.AddDays(-1) });
        var pastId = (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/notices/{futureId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/notices/{pastId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/notices/{futureId}")).StatusCode);

        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&pageSize=100");
        var ids = list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ToList();
        Assert.DoesNotContain(futureId, ids);
        Assert.DoesNotContain(pastId, ids);
    }

    [Fact]
    public async Task List_PinnedFirstThenNewest_AndIncludesSubdistrictNotices()
    {
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={await app.PlaceIdAsync(Known.Sanyuan)}&pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, n => n.GetProperty("placeName").GetString() == "石羊街道");
        var pinnedDone = false;
        DateTimeOffset? last = null;
        foreach (var n in items)
        {
            var pinned = n.GetProperty("pinned").GetBoolean();
            Assert.False(pinned && pinnedDone, "a pinned notice after an unpinned one");
            if (!pinned)
            {
                var at = n.GetProperty("publishAt").GetDateTimeOffset();
                Assert.True(!pinnedDone || last is null || at <= last, "not newest first");
                pinnedDone = true;
                last = at;
            }
        }
    }

    [Fact]
    public async Task Update_ChangesTitleAndKeepsReaders()
    {
        var (client, placeId) = await WorkerAsync();
        var id = (await (await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "CivilAffairs", title = "旧标题", bodyHtml = "<p>x</p>" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var response = await client.PutAsJsonAsync($"/api/v1/notices/{id}", new { placeId, board = "CivilAffairs", title = "新标题", bodyHtml = "<p>y</p>" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("新标题", (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}")).GetProperty("title").GetString());
    }
}

public class SearchAndReadTests(JiayuanApp app)
{
    [Theory]
    [InlineData("二次供水", 1)]
    [InlineData("供水", 1)]
    [InlineData("水", 1)]
    [InlineData("不存在的词语", 0)]
    public async Task Search_ChineseAnyLength_FindsNotices(string q, int atLeast)
    {
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&q={Uri.EscapeDataString(q)}");
        var total = list.GetProperty("total").GetInt32();
        if (atLeast == 0)
        {
            Assert.Equal(0, total);
        }
        else
        {
            Assert.True(total >= atLeast);
            Assert.All(list.GetProperty("items").EnumerateArray(), n =>
                Assert.True(n.GetProperty("title").GetString()!.Contains(q, StringComparison.Ordinal) || n.GetProperty("excerpt").GetString()!.Contains(q, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Search_FindsBodyText_AfterEdit()
    {
        var login = await app.CreateUserAsync(Role.CommunityWorker, Known.Sanyuan);
        var client = await app.LoginAsync(login);
        var placeId = await app.PlaceIdAsync(Known.Sanyuan);
        var word = "营造师茶话会" + Guid.NewGuid().ToString("N")[..4];
        var id = (await (await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "ResidentAffairs", title = "活动", bodyHtml = "<p>本周举办" + word + "</p>" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var found = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&q={Uri.EscapeDataString(word)}");
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetInt64());

        await client.PutAsJsonAsync($"/api/v1/notices/{id}", new { placeId, board = "ResidentAffairs", title = "活动", bodyHtml = "<p>已取消</p>" });
        var gone = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&q={Uri.EscapeDataString(word)}");
        Assert.Equal(0, gone.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Read_BySignedInResident_CountsOnceAndClearsNewFlag()
    {
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        var id = (await (await worker.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "FamilyPlanning", title = "阅读计数", bodyHtml = "<p>x</p>" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));

        JsonElement Item(JsonElement list) => list.GetProperty("items").EnumerateArray().First(n => n.GetProperty("id").GetInt64() == id);
        Assert.True(Item(await resident.GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&pageSize=100")).GetProperty("isNew").GetBoolean());

        await resident.GetAsync($"/api/v1/notices/{id}");
        await resident.GetAsync($"/api/v1/notices/{id}");
        await app.Anonymous().GetAsync($"/api/v1/notices/{id}");

        Assert.False(Item(await resident.GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&pageSize=100")).GetProperty("isNew").GetBoolean());
        var staffView = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        Assert.Equal(1, staffView.GetProperty("readCount").GetInt32());
        Assert.Equal(1, Item(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={placeId}&pageSize=100")).GetProperty("readCount").GetInt32());
    }
}

public class AttachmentTests(JiayuanApp app)
{
    private async Task<(HttpClient Client, long NoticeId)> NoticeAsync()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var placeId = await app.PlaceIdAsync(Known.Fucheng);
        var id = (await (await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "Finance", title = "附件测试", bodyHtml = "<p>见附件</p>" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        return (client, id);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task Upload_Photo_StripsExifAndIsDownloadable()
    {
        var (client, id) = await NoticeAsync();
        using var image = new Image<Rgb24>(64, 48);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        using var ms = new MemoryStream();
        await image.SaveAsJpegAsync(ms);
        var response = await client.PostAsync($"/api/v1/notices/{id}/attachments", Form(ms.ToArray(), "现场照片.jpeg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var bytes = await app.Anonymous().GetByteArrayAsync(url);
        Assert.Null(Image.Load(bytes).Metadata.ExifProfile);
        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        Assert.Equal("现场照片.jpg", notice.GetProperty("attachments")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_ExeRenamedJpg_IsRefused()
    {
        var (client, id) = await NoticeAsync();
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        var response = await client.PostAsync($"/api/v1/notices/{id}/attachments", Form(exe, "photo.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只接受", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}")).GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task Upload_20MB_IsRefusedWithClearMessage()
    {
        var (client, id) = await NoticeAsync();
        var big = new byte[20 * 1024 * 1024];
        "%PDF-"u8.CopyTo(big);
        var response = await client.PostAsync($"/api/v1/notices/{id}/attachments", Form(big, "big.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Pdf_IsKeptAsIs()
    {
        var (client, id) = await NoticeAsync();
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        var response = await client.PostAsync($"/api/v1/notices/{id}/attachments", Form(pdf, "财务报表.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Equal(pdf, await app.Anonymous().GetByteArrayAsync(url));
    }
}
