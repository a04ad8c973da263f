using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Jiayuan.Consultation.Tests;

/// <summary>The staff pages added for comments, builders, results, roster files and fund years: their forms are posted as a browser would.</summary>
public partial class StaffPagesTests(JiayuanApp app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenRegex().Match(await client.GetStringAsync(url)).Groups[1].Value;

    /// <summary>Posts a page's form (its antiforgery token read from <paramref name="tokenFrom"/>, by default the page itself).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string handler, IEnumerable<(string Name, string Value)> fields, string? tokenFrom = null)
    {
        var data = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await TokenAsync(client, tokenFrom ?? url)), new("_handler", handler) };
        data.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(data));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> TopicAsync(HttpClient author, string title)
    {
        var created = await author.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = await app.PlaceIdAsync(Known.Xinyuan), category = "Environment", title, text = "议题内容" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Comments_ReportedOnTheTopicPage_HiddenAndRestoredByStaff_OthersRefused()
    {
        var author = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        var topicId = await TopicAsync(author, "评论审核" + Guid.NewGuid().ToString("N")[..6]);
        var comment = await author.PostAsJsonAsync($"/api/v1/consultation/topics/{topicId}/comments", new { text = "一条需要审核的评论" });
        var commentId = (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // A resident reports the comment with the button beside it on the topic page.
        var reader = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        var reported = await PostFormAsync(reader, $"/topics/{topicId}", "report-comment", [("ReportCommentId", Id(commentId))]);
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Contains("已举报", await reported.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Staff see it on the moderation page and hide that one comment.
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var page = $"/staff/consultation/c/{Known.Xinyuan}/topics";
        var html = await staff.GetStringAsync(page);
        Assert.Contains($"id=\"comment-{commentId}\"", html, StringComparison.Ordinal);
        Assert.Contains("一条需要审核的评论", html, StringComparison.Ordinal);
        var hidden = await PostFormAsync(staff, page, "moderate", [("comment", Id(commentId)), ("Model.Action", "Hide")]);
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var topic = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{topicId}");
        Assert.DoesNotContain(topic.GetProperty("comments").EnumerateArray(), c => c.GetProperty("id").GetInt64() == commentId);

        // A worker of another community is refused (403 page), and the comment stays hidden.
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        var refused = await PostFormAsync(fucheng, page, "moderate", [("comment", Id(commentId)), ("Model.Action", "Restore")], tokenFrom: $"/staff/consultation/c/{Known.Fucheng}/topics");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the 403 page has no such form: the post is refused before any handler runs
        Assert.DoesNotContain((await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{topicId}")).GetProperty("comments").EnumerateArray(),
            c => c.GetProperty("id").GetInt64() == commentId);

        // Staff restore it.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, page, "moderate", [("comment", Id(commentId)), ("Model.Action", "Restore")])).StatusCode);
        Assert.Contains((await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{topicId}")).GetProperty("comments").EnumerateArray(),
            c => c.GetProperty("id").GetInt64() == commentId);
    }

    [Fact]
    public async Task Builders_RegisteredAssignedAndAdvising_OnTheStaffPage_AdviceShownOnTheTopic()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var name = "营造师" + Guid.NewGuid().ToString("N")[..4];
        var school = "西南交通大学" + Guid.NewGuid().ToString("N")[..4];
        var adminPage = $"/staff/consultation/c/{Known.Xinyuan}/builders";
        var bad = await PostFormAsync(admin, adminPage, "register", [("RegisterModel.Name", name), ("RegisterModel.Specialty", ""), ("RegisterModel.School", school)]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请选择空间景观或活动策划", badHtml, StringComparison.Ordinal);
        Assert.Contains(school, badHtml, StringComparison.Ordinal); // what was typed stays
        var registered = await PostFormAsync(admin, adminPage, "register",
            [("RegisterModel.Name", name), ("RegisterModel.Specialty", "Activity"), ("RegisterModel.School", school), ("RegisterModel.Background", "社会工作"), ("RegisterModel.Local", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // The community worker puts the builder on 新园's team (the registry form is not shown to them).
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var page = $"/staff/consultation/c/{Known.Xinyuan}/builders";
        var html = await staff.GetStringAsync(page);
        Assert.DoesNotContain("RegisterModel.Name", html, StringComparison.Ordinal);
        var builderId = long.Parse(Regex.Match(html, $"<option value=\"(\\d+)\">营\\*\\* · 活动策划 · {school}</option>").Groups[1].Value, CultureInfo.InvariantCulture);
        var before = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/builders?scope={Known.Xinyuan}");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(staff, page, "assign", [("AssignModel.BuilderId", Id(builderId))])).StatusCode);
        var after = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/builders?scope={Known.Xinyuan}");
        Assert.Equal(before.GetProperty("activity").GetInt32() + 1, after.GetProperty("activity").GetInt32());

        // Advice on a topic with the resource the builder brings; a bad link is refused beside the field.
        var topicId = await TopicAsync(await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan)), "营造建议" + Guid.NewGuid().ToString("N")[..6]);
        var badLink = await PostFormAsync(staff, page, "advice",
            [("AdviceModel.BuilderId", Id(builderId)), ("AdviceModel.About", $"t:{topicId}"), ("AdviceModel.Text", "把闲置角落改成共享书屋"), ("AdviceModel.ResourceUrl", "javascript:alert(1)")]);
        Assert.Equal(HttpStatusCode.OK, badLink.StatusCode);
        Assert.Contains("资源链接须为 http(s) 地址", await badLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/advice?topicId={topicId}")).EnumerateArray());
        var advised = await PostFormAsync(staff, page, "advice",
            [("AdviceModel.BuilderId", Id(builderId)), ("AdviceModel.About", $"t:{topicId}"), ("AdviceModel.Text", "把闲置角落改成共享书屋"), ("AdviceModel.ResourceUrl", "https://example.cn/books")]);
        Assert.Equal(HttpStatusCode.Redirect, advised.StatusCode);
        var topicPage = await app.Anonymous().GetStringAsync($"/topics/{topicId}");
        Assert.Contains("把闲置角落改成共享书屋", topicPage, StringComparison.Ordinal);
        Assert.Contains("https://example.cn/books", topicPage, StringComparison.Ordinal);

        // Another community's worker gets a 403 page and cannot assign to 新园.
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync(page)).StatusCode);
        var refused = await PostFormAsync(fucheng, page, "assign", [("AssignModel.BuilderId", Id(builderId))], tokenFrom: $"/staff/consultation/c/{Known.Fucheng}/builders");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the 403 page has no such form
        Assert.Equal(after.GetProperty("activity").GetInt32(), (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/builders?scope={Known.Xinyuan}")).GetProperty("activity").GetInt32());
    }

    [Fact]
    public async Task Result_UpdatedWithNoteAndPhoto_OnTheStaffPage_ResidentsSeeIt()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var body = (await (await staff.PostAsJsonAsync("/api/v1/consultation/bodies", new { placeId = await app.PlaceIdAsync(Known.Xinyuan), kind = "ResidentsCouncil", name = "成果议事会" + Guid.NewGuid().ToString("N")[..4] }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var member = (await (await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{body}/members", new { name = "议事员", organization = "居民" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var meeting = await (await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{body}/meetings", new { title = "议事会", startsAt = app.Clock.GetUtcNow(), agenda = new[] { "安装充电桩" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var meetingId = meeting.GetProperty("meeting").GetProperty("id").GetInt64();
        var item = meeting.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{meetingId}/check-in", new { memberId = member });
        await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{meetingId}/agenda/{item}/decision", new { text = "安装10个充电桩", outcome = "Adopted", votesFor = 1 });
        var id = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results?scope={Known.Xinyuan}")).EnumerateArray()
            .First(r => r.GetProperty("source").GetString() == "AgendaDecision" && r.GetProperty("sourceId").GetInt64() == item).GetProperty("id").GetInt64();
        var page = $"/staff/consultation/results/{id}";

        // Out of range progress is refused beside the field; the note typed stays; nothing saved.
        var bad = await PostFormAsync(staff, page, "result-update", [("Model.Status", "InProgress"), ("Model.Progress", "120"), ("Model.Note", "已完成选址")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("进度为 0 到 100 的百分数", badHtml, StringComparison.Ordinal);
        Assert.Contains("已完成选址", badHtml, StringComparison.Ordinal);
        Assert.Equal(0, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results/{id}")).GetProperty("result").GetProperty("progress").GetInt32());

        var saved = await PostFormAsync(staff, page, "result-update", [("Model.Status", "InProgress"), ("Model.Progress", "45"), ("Model.Note", "已完成选址")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A photo with location data: uploaded on the page, served without EXIF.
        using var image = new Image<Rgb24>(32, 24);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        using var jpeg = new MemoryStream();
        await image.SaveAsJpegAsync(jpeg);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(staff, page)), "__RequestVerificationToken" }, { new StringContent("result-photo"), "_handler" },
            { new ByteArrayContent(jpeg.ToArray()), "file", "现场.jpg" },
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(page, form)).StatusCode);
        }
        using (var notImage = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(staff, page)), "__RequestVerificationToken" }, { new StringContent("result-photo"), "_handler" },
            { new ByteArrayContent("%PDF-1.4 x"u8.ToArray()), "file", "a.pdf" },
        })
        {
            var refusedFile = await staff.PostAsync(page, notImage);
            Assert.Equal(HttpStatusCode.OK, refusedFile.StatusCode);
            Assert.Contains("成果照片须为图片", await refusedFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results/{id}");
        Assert.Equal(45, detail.GetProperty("result").GetProperty("progress").GetInt32());
        Assert.Equal("InProgress", detail.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(1, detail.GetProperty("photoIds").GetArrayLength());
        var photo = await app.Anonymous().GetByteArrayAsync($"/api/v1/consultation/results/{id}/photos/{detail.GetProperty("photoIds")[0].GetInt64()}");
        Assert.Null(Image.Load(photo).Metadata.ExifProfile);

        // Residents see the note and the photo on the results page.
        var results = await app.Anonymous().GetStringAsync($"/results?scope={Known.Xinyuan}");
        Assert.Contains("已完成选址（45%）", results, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/consultation/results/{id}/photos/", results, StringComparison.Ordinal);

        // Another community's worker: 403 page, and a posted update changes nothing.
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync(page)).StatusCode);
        var refused = await PostFormAsync(fucheng, page, "result-update", [("Model.Status", "Done"), ("Model.Progress", "100"), ("Model.Note", "越权")], tokenFrom: $"/staff/consultation/c/{Known.Fucheng}/topics");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the 403 page has no such form
        Assert.Equal(45, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results/{id}")).GetProperty("result").GetProperty("progress").GetInt32());
    }

    private async Task<string> CourtyardAsync(HttpClient staff)
    {
        var created = await staff.PostAsJsonAsync("/api/v1/places", new { parentId = await app.PlaceIdAsync(Known.Xinyuan), name = "导入院落" + Guid.NewGuid().ToString("N")[..6], kind = "Courtyard" });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static MultipartFormDataContent RosterForm(string token, string mode, byte[] file, string fileName) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("roster-import"), "_handler" }, { new StringContent(mode), "mode" },
        { new ByteArrayContent(file), "file", fileName },
    };

    [Fact]
    public async Task RosterCsv_DryRunReportsEveryRow_ImportAddsOnlyTheValidRows_OwnerCountedOnce()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var code = await CourtyardAsync(staff);
        var page = "/staff/consultation/compounds/" + code;
        // Row 2–3: one owner (same name and phone) with two units; row 4: full-width unit and area; row 5: bad area;
        // row 6: the unit of row 2 again; row 7: unsold; row 8: same name, other phone (another owner); row 9: bad phone.
        var csv = """
            楼栋/单元/房号,专有部分面积,业主姓名,手机号,是否未售/开发商
            1栋1单元101,89.56,李明,13800138000,否
            1栋1单元102,90.10,李明,138-0013-8000,否
            ５栋１０１,８８．２０,赵丽,,否
            1栋1单元103,75.123,钱多,,否
            1栋1单元101,60.00,孙杨,,否
            1栋1单元201,120.00,,,是
            1栋1单元202,70.00,李明,13900139000,否
            1栋1单元203,70.00,周全,12345,否
            """;
        var bytes = Encoding.UTF8.GetBytes(csv);

        var dry = await staff.PostAsync(page, RosterForm(await TokenAsync(staff, page), "dry-run", bytes, "名册.csv"));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var html = WebUtility.HtmlDecode(await dry.Content.ReadAsStringAsync());
        Assert.Contains("试导入：共 8 行，5 行可导入（新增业主 4 名，面积 457.86 平方米），3 行有问题；未保存任何数据。", html, StringComparison.Ordinal);
        Assert.Contains("与第 2 行为同一业主", html, StringComparison.Ordinal);
        Assert.Contains("全角字符已转换：“５栋１０１”→“5栋101”", html, StringComparison.Ordinal);
        Assert.Contains("面积“75.123”不是", html, StringComparison.Ordinal);
        Assert.Contains("房号 1栋1单元101 在文件中重复出现（第 2 行）", html, StringComparison.Ordinal);
        Assert.Contains("未售房屋：开发商作为一名业主加入名册", html, StringComparison.Ordinal);
        Assert.Contains("第 2 行姓名相同但手机号不同", html, StringComparison.Ordinal);
        Assert.Contains("手机号 12345 不是有效的手机号码", html, StringComparison.Ordinal);
        var roster = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster");
        Assert.Equal(0, roster.GetProperty("units").GetInt32()); // the dry run saved nothing

        var imported = await staff.PostAsync(page, RosterForm(await TokenAsync(staff, page), "import", bytes, "名册.csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("共 8 行：已添加 5 户（新增业主 4 名，面积 457.86 平方米），3 行因有问题未导入。", WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        roster = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster");
        Assert.Equal(5, roster.GetProperty("units").GetInt32());
        Assert.Equal(4, roster.GetProperty("totalOwners").GetInt32()); // 李明 (two units) once, the other 李明, 赵丽, the developer
        Assert.Equal("457.86", roster.GetProperty("totalArea").GetString());
        var li = roster.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("units").GetArrayLength() == 2);
        Assert.Equal("179.66", li.GetProperty("area").GetString());
        Assert.Contains(roster.GetProperty("owners").EnumerateArray(), o => o.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("label").GetString() == "5栋101" && u.GetProperty("area").GetString() == "88.20"));

        // Importing the same file again adds nothing: every unit is already on the roster.
        var again = await staff.PostAsync(page, RosterForm(await TokenAsync(staff, page), "import", bytes, "名册.csv"));
        Assert.Contains("已添加 0 户", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(5, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster")).GetProperty("units").GetInt32());

        // Another community's worker: 403, nothing imported.
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        var other = """
            楼栋/单元/房号,专有部分面积,业主姓名,手机号,是否未售/开发商
            9栋901,50.00,越权,,否
            """;
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync(page)).StatusCode);
        var refused = await fucheng.PostAsync(page, RosterForm(await TokenAsync(fucheng, $"/staff/consultation/c/{Known.Fucheng}/topics"), "import", Encoding.UTF8.GetBytes(other), "x.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the 403 page has no such form
        Assert.Equal(5, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster")).GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task RosterXlsx_ThroughTheApi_DryRunThenImport_BadRowsNeverImported()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var code = await CourtyardAsync(staff);
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["楼栋"] = 3, ["单元"] = 2, ["房号"] = "301", ["专有部分面积"] = 101.25, ["业主姓名"] = "吴刚", ["手机号"] = "13700137000", ["是否未售/开发商"] = "否" },
            new() { ["楼栋"] = 3, ["单元"] = 2, ["房号"] = "302", ["专有部分面积"] = "-5", ["业主姓名"] = "郑好", ["手机号"] = null, ["是否未售/开发商"] = "否" },
            new() { ["楼栋"] = 3, ["单元"] = 2, ["房号"] = "303", ["专有部分面积"] = 66.6, ["业主姓名"] = "冯乐", ["手机号"] = null, ["是否未售/开发商"] = "也许" },
        };
        using var buffer = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(buffer, rows);
        HttpContent File() => new MultipartFormDataContent { { new ByteArrayContent(buffer.ToArray()), "file", "roster.xlsx" } };

        var dry = await staff.PostAsync($"/api/v1/consultation/compounds/{code}/roster/import", File());
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, report.GetProperty("rows").GetInt32());
        Assert.Equal(1, report.GetProperty("valid").GetInt32());
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], lines.Select(l => l.GetProperty("row").GetInt32()));
        Assert.Equal("3栋2单元301", lines[0].GetProperty("unit").GetString());
        Assert.Equal("101.25", lines[0].GetProperty("area").GetString());
        Assert.Equal("吴*", lines[0].GetProperty("owner").GetString());
        Assert.False(lines[1].GetProperty("valid").GetBoolean());
        Assert.Contains("也许", lines[2].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster")).GetProperty("units").GetInt32());

        var done = await staff.PostAsync($"/api/v1/consultation/compounds/{code}/roster/import?dryRun=false", File());
        Assert.Equal(1, (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var roster = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster");
        Assert.Equal(1, roster.GetProperty("units").GetInt32());
        Assert.Equal("101.25", roster.GetProperty("totalArea").GetString());

        // A second file: 吴刚 again (the only 吴刚 on the roster and in the file) gets the unit, counted once.
        using var second = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(second, new[] { new Dictionary<string, object?> { ["楼栋/单元/房号"] = "3栋2单元304", ["专有部分面积"] = "40.00", ["业主姓名"] = "吴刚", ["是否未售/开发商"] = "否" } });
        var more = await staff.PostAsync($"/api/v1/consultation/compounds/{code}/roster/import?dryRun=false",
            new MultipartFormDataContent { { new ByteArrayContent(second.ToArray()), "file", "more.xlsx" } });
        var moreReport = await more.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, moreReport.GetProperty("newOwners").GetInt32());
        Assert.Contains("名册中已有", moreReport.GetProperty("lines")[0].GetProperty("action").GetString(), StringComparison.Ordinal);
        roster = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster");
        Assert.Equal(1, roster.GetProperty("totalOwners").GetInt32());
        Assert.Equal("141.25", roster.GetProperty("totalArea").GetString());

        // Not a table, and a worker of another community.
        var notTable = await staff.PostAsync($"/api/v1/consultation/compounds/{code}/roster/import", new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "x.xlsx" } });
        Assert.Equal(HttpStatusCode.BadRequest, notTable.StatusCode);
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsync($"/api/v1/consultation/compounds/{code}/roster/import?dryRun=false", File())).StatusCode);
        Assert.Equal(2, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{code}/roster")).GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task FundYears_ListedPerCommunity_WithPublicAndStaffLinks_LinkedFromWorkbenchAndCommunity()
    {
        var list = await app.Anonymous().GetAsync($"/funds?scope={Known.Xinyuan}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("324600.00", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/funds/1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/consultation/funds/", html, StringComparison.Ordinal); // no staff link for the public
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        Assert.Contains("/staff/consultation/funds/1", await staff.GetStringAsync($"/funds?scope={Known.Xinyuan}"), StringComparison.Ordinal);
        // A worker of another community sees the years (public) but not the staff link.
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.DoesNotContain("/staff/consultation/funds/1\"", await fucheng.GetStringAsync($"/funds?scope={Known.Xinyuan}"), StringComparison.Ordinal);
        Assert.DoesNotContain("324600.00", await app.Anonymous().GetStringAsync($"/funds?scope={Known.Fucheng}"), StringComparison.Ordinal);

        Assert.Contains($"/funds?scope={Known.Xinyuan}", await staff.GetStringAsync("/staff/consultation/c/" + Known.Xinyuan), StringComparison.Ordinal);
        // Signed in: the anonymous community home is output-cached, and another test looks for its newest decision there.
        Assert.Contains($"/funds?scope={Known.Xinyuan}", await fucheng.GetStringAsync("/c/" + Known.Xinyuan), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/funds?scope=999")).StatusCode);
    }
}
