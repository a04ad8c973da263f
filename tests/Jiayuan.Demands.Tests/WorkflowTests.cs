using System.Text.Json;
using Jiayuan.Core.Identity;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>The whole life of a demand through the API, and every refusal of the state machine.</summary>
public class WorkflowTests(JiayuanApp app)
{
    [Fact]
    public async Task Resident_Submits_Unit_Accepts_Replies_Unsatisfied_Reopens_Then_Closes()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var courtyard = await CourtyardAsync(app, Known.Fucheng);
        var d = await SubmitAsync(resident, new { category = "ENV-GARBAGE", description = "垃圾桶满了，请尽快清运。", placeCode = courtyard });
        var id = d.GetProperty("id").GetInt64();
        Assert.Equal("Dispatched", d.Str("status"));
        Assert.Equal("府城社区", d.Str("handler"));
        Assert.NotEqual(JsonValueKind.Null, d.GetProperty("deadline").ValueKind);

        var worker = await app.LoginAsync(Known.FuchengWorker);
        // Reply before accept: 409 with the reason, nothing changes.
        var (status, problem) = await ActAsync(worker, id, "reply", new { reply = "已处理" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("已派单", problem.Str("detail"));
        Assert.Equal("Dispatched", (await GetAsync(worker, id)).Str("status"));

        // Rating a demand that is not replied: 409.
        (status, _) = await ActAsync(resident, id, "rating", new { satisfaction = "Satisfied", resolved = true });
        Assert.Equal(HttpStatusCode.Conflict, status);

        (status, var accepted) = await ActAsync(worker, id, "accept");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Accepted", accepted.Str("status"));
        (status, _) = await ActAsync(worker, id, "contact", new { note = "电话联系了居民" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await ActAsync(worker, id, "progress", new { note = "内部：已通知清运公司", @public = false });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await ActAsync(worker, id, "progress", new { note = "清运车辆已安排", @public = true });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, var replied) = await ActAsync(worker, id, "reply", new { reply = "已清运完毕。" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Replied", replied.Str("status"));

        // The requester sees public notes only.
        var seen = await GetAsync(resident, id);
        var notes = seen.GetProperty("timeline").EnumerateArray().Select(e => e.Str("note")).ToList();
        Assert.Contains("清运车辆已安排", notes);
        Assert.DoesNotContain("内部：已通知清运公司", notes);

        (status, var reopened) = await ActAsync(resident, id, "rating", new { satisfaction = "Unsatisfied", resolved = false, comment = "还是很脏" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Reopened", reopened.Str("status"));
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Equal("府城社区", reopened.Str("handler"));

        (status, _) = await ActAsync(worker, id, "reply", new { reply = "重新清运并消毒。" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, var closed) = await ActAsync(resident, id, "rating", new { satisfaction = "Satisfied", resolved = true });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Closed", closed.Str("status"));

        // The resident got notifications along the way.
        var inbox = await resident.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.True(inbox.GetArrayLength() >= 4);
    }

    [Fact]
    public async Task Another_Unit_Cannot_Accept_And_Another_Community_Cannot_See()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "PARKING", description = "车辆占道。", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        var xinyuan = await app.LoginAsync(Known.XinyuanWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(xinyuan, id, "accept")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await xinyuan.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var unit = await app.LoginAsync("qiye");
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(unit, id, "accept")).Status);
        // The resident can see it but is not the unit: 403 with the reason.
        var (status, problem) = await ActAsync(resident, id, "accept");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("府城社区", problem.Str("detail"));
        Assert.Equal("Dispatched", (await GetAsync(resident, id)).Str("status"));
    }

    [Fact]
    public async Task Two_Staff_At_Once_The_Second_Gets_A_Conflict()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "NOISE", description = "夜间施工噪音。", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        var version = d.GetProperty("version").GetInt32();
        var a = await app.LoginAsync(Known.FuchengWorker);
        var b = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var first = await ActAsync(a, id, "accept", new { version });
        var second = await ActAsync(b, id, "progress", new { note = "我也在处理", @public = true, version });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("Someone else", second.Body.Str("detail").Replace("其他人", "Someone else", StringComparison.Ordinal), StringComparison.Ordinal);
        var now = await GetAsync(a, id);
        Assert.Equal("Accepted", now.Str("status"));
        Assert.DoesNotContain(now.GetProperty("timeline").EnumerateArray(), e => e.Str("note") == "我也在处理");
    }

    [Fact]
    public async Task Extension_Must_Be_Asked_Before_The_Deadline_And_Is_Decided_By_The_Dispatcher()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "PROPERTY", description = "电梯故障。", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        var worker = await app.LoginAsync(Known.FuchengWorker);
        await ActAsync(worker, id, "accept");
        var (status, _) = await ActAsync(worker, id, "extension", new { days = 0, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _) = await ActAsync(worker, id, "extension", new { days = 5, reason = "需要更换电梯主板，厂家供货需时间" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await ActAsync(worker, id, "extension", new { days = 5, reason = "再次申请" });
        Assert.Equal((HttpStatusCode)422, status);
        var before = DateTimeOffset.Parse((await GetAsync(worker, id)).Str("deadline"), System.Globalization.CultureInfo.InvariantCulture);
        // A resident cannot decide it.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(resident, id, "extension/decision", new { approve = true })).Status);
        var (ok, decided) = await ActAsync(worker, id, "extension/decision", new { approve = true, note = "同意" });
        Assert.Equal(HttpStatusCode.OK, ok);
        var after = DateTimeOffset.Parse(decided.Str("deadline"), System.Globalization.CultureInfo.InvariantCulture);
        // Five more working days counted from the old deadline's last day (not from the day after it).
        var days = Jiayuan.Demands.Domain.WorkCalendar.Shipped.ToDictionary(x => x.Date);
        Assert.Equal(Jiayuan.Demands.Domain.WorkCalendar.AddWorkingDays(days, before.AddTicks(-1), 5), after);

        // The dispatchers heard of the request; the unit sees the requester's full number only on purpose, audited.
        var inbox = await worker.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(inbox.EnumerateArray(), n => n.Str("text").Contains("申请延期", StringComparison.Ordinal));
        var marked = await (await worker.PostAsync("/api/v1/notifications/read", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(marked.GetProperty("marked").GetInt32() > 0);
        var anonymous = await SubmitAsync(app.Anonymous(), new { category = "POLICY", description = "社保卡丢了怎么补办？", placeCode = await CourtyardAsync(app, Known.Fucheng), phone = "13700001111" });
        Assert.Equal("137****1111", anonymous.Str("requesterPhone"));
        var phone = await worker.PostAsync($"/api/v1/demands/{anonymous.GetProperty("id").GetInt64()}/requester-phone", null);
        Assert.Equal("13700001111", (await phone.Content.ReadFromJsonAsync<JsonElement>()).Str("phone"));
        var audited = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, a => a.Action == "unmask" && a.EntityId == anonymous.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, audited);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.PostAsync($"/api/v1/demands/{anonymous.GetProperty("id").GetInt64()}/requester-phone", null)).StatusCode);
    }

    [Fact]
    public async Task Return_Explains_Where_To_Go_And_The_Board_Shows_It_With_Personal_Data_Masked()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new
        {
            category = "LIGHT", description = "我叫王小明，电话13812345678，住5栋2单元1203室，门口路灯不亮。", placeCode = await CourtyardAsync(app, Known.Fucheng),
        });
        var id = d.GetProperty("id").GetInt64();
        var worker = await app.LoginAsync(Known.FuchengWorker);
        var (status, _) = await ActAsync(worker, id, "return", new { reason = "WrongFunction" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, var returned) = await ActAsync(worker, id, "return", new { reason = "UnclearOwnership", note = "该路灯属市政管理", suggestedCode = Known.Subdistrict });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Returned", returned.Str("status"));

        var board = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/demands/board?community={Known.Fucheng}");
        var row = board.GetProperty("items").EnumerateArray().First(r => r.GetProperty("id").GetInt64() == id);
        var text = row.Str("description");
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("王小明", text);
        Assert.DoesNotContain("1203", text);
        Assert.Contains("138****5678", text);
        Assert.Contains("该路灯属市政管理", row.Str("returnedNote"));

        // Re-dispatch by the dispatcher with a reason.
        var jiedao = await app.LoginAsync(Known.SubdistrictAdmin);
        (status, var redispatched) = await ActAsync(jiedao, id, "dispatch", new { handlerCode = Known.Subdistrict, reason = "街道城管科处理" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("石羊街道", redispatched.Str("handler"));
    }

    [Fact]
    public async Task Anonymous_Needs_A_Phone_And_Bad_Input_Is_Explained_Per_Field()
    {
        var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/demands", new { category = "NOPE", description = "", type = "Whatever", lat = 200.0, @long = 10.0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "category", "description", "type", "lat", "phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var ok = await SubmitAsync(anonymous, new { category = "POLICY", description = "医保怎么转移？", address = "府城社区服务中心", phone = "13800138000" });
        Assert.Equal("Inquiry", ok.Str("type"));
        Assert.Equal("138****8000", ok.Str("requesterPhone"));
    }

    [Fact]
    public async Task Same_Idempotency_Key_Creates_One_Demand()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var body = new { category = "ENV-GREEN", description = "草坪需要修剪（幂等）" + Guid.NewGuid(), placeCode = await CourtyardAsync(app, Known.Fucheng) };
        var key = Guid.NewGuid().ToString();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await resident.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        Assert.Single(ids.Distinct());
        var count = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Domain.Demand>(), x => x.Description == body.description));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Similar_Open_Demands_Are_Suggested_And_Can_Be_Followed()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var first = await SubmitAsync(resident, new { category = "SAFETY", description = "消防通道堆放杂物。", address = "府城某路口", lat = 30.65, @long = 104.05 });
        var similar = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/demands/similar?category=SAFETY&lat=30.6502&long=104.0501");
        Assert.Contains(similar.EnumerateArray(), s => s.GetProperty("id").GetInt64() == first.GetProperty("id").GetInt64());
        var far = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/demands/similar?category=SAFETY&lat=30.66&long=104.06");
        Assert.DoesNotContain(far.EnumerateArray(), s => s.GetProperty("id").GetInt64() == first.GetProperty("id").GetInt64());
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        var id = first.GetProperty("id").GetInt64();
        await other.PostAsync($"/api/v1/demands/{id}/follow", null);
        var followed = await other.PostAsync($"/api/v1/demands/{id}/follow", null);
        Assert.Equal(1, (await followed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("followers").GetInt32());
        var mine = await other.GetFromJsonAsync<JsonElement>("/api/v1/demands/mine");
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("id").GetInt64() == id);
    }
}
