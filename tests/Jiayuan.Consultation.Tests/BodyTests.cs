using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Consultation.Tests;

public class BodyTests(JiayuanApp app)
{
    private async Task<long> UserIdAsync(string login) =>
        await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users.Where(u => u.UserName == login).Select(u => u.Id)));

    [Fact]
    public async Task Meeting_CheckIn_Quorum_Speakers_Decision_MinutesToNotices()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var body = await staff.PostAsJsonAsync("/api/v1/consultation/bodies", new { placeId = xinyuan, kind = "JointMeeting", name = "新园联席会议" });
        Assert.Equal(HttpStatusCode.Created, body.StatusCode);
        var bodyId = (await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var logins = new List<string>();
        var memberIds = new List<long>();
        foreach (var org in new[] { "社区居委会", "物业公司", "业主委员会" })
        {
            var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
            logins.Add(login);
            var added = await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{bodyId}/members", new { name = "成员" + org, organization = org, userId = await UserIdAsync(login) });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            memberIds.Add((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        var created = await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{bodyId}/meetings", new
        {
            title = "停车问题联席会议", startsAt = app.Clock.GetUtcNow().AddHours(1), location = "党群服务中心", agenda = new[] { "停车收费", "绿化" },
            streamUrl = "https://live.example.cn/1",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = meeting.GetProperty("meeting").GetProperty("id").GetInt64();
        var code = meeting.GetProperty("checkInCode").GetString()!;
        var item = meeting.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        Assert.Matches("^[0-9]{6}$", code);
        // Members with an account are invited.
        var invited = await (await app.LoginAsync(logins[1])).GetFromJsonAsync<JsonElement>("/api/v1/consultation/notifications");
        Assert.Contains(invited.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("停车问题联席会议", StringComparison.Ordinal));
        var anonymous = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/meetings/{id}");
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("checkInCode").ValueKind);
        Assert.Equal("https://live.example.cn/1", anonymous.GetProperty("streamUrl").GetString());

        var first = await app.LoginAsync(logins[0]);
        var wrong = code == "000000" ? "111111" : "000000";
        Assert.Equal(HttpStatusCode.BadRequest, (await first.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/check-in", new { code = wrong })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/check-in", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/check-in", new { code })).StatusCode);
        var stranger = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/check-in", new { code })).StatusCode);

        // 1 of 3 present: no quorum (more than half needed), the decision is refused with the figures.
        var noQuorum = await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/agenda/{item}/decision", new { text = "试行错峰停车", outcome = "Adopted", votesFor = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noQuorum.StatusCode);
        Assert.Contains("1", (await noQuorum.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Staff check the second member in: 2 of 3 is a quorum.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/check-in", new { memberId = memberIds[1] })).StatusCode);
        var speak = await first.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/speakers", new { agendaItemId = item });
        Assert.Equal(HttpStatusCode.OK, speak.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/speakers", new { agendaItemId = item })).StatusCode);
        var third = await app.LoginAsync(logins[2]);
        Assert.Equal(HttpStatusCode.Forbidden, (await third.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/speakers", new { })).StatusCode); // not checked in
        var tooMany = await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/agenda/{item}/decision", new { text = "x", outcome = "Adopted", votesFor = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var decided = await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/agenda/{item}/decision", new { text = "试行错峰停车", outcome = "Adopted", votesFor = 2 });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var minutes = await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/minutes", new { html = "<p>会议决定试行<b>错峰停车</b></p><script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        var detail = await minutes.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(detail.GetProperty("quorumPresent").GetBoolean());
        Assert.Equal(2, detail.GetProperty("present").GetInt32());
        Assert.Single(detail.GetProperty("speakers").EnumerateArray());
        Assert.Equal("Adopted", detail.GetProperty("agenda")[0].GetProperty("outcome").GetString());
        var noticeId = detail.GetProperty("minutesNoticeId").GetInt64();
        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{noticeId}");
        Assert.Equal("ResidentAffairs", notice.GetProperty("board").GetString());
        Assert.Contains("<b>错峰停车</b>", notice.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", notice.GetProperty("bodyHtml").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/consultation/meetings/{id}/minutes", new { html = "<p>again</p>" })).StatusCode);

        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync($"/api/v1/consultation/bodies/{bodyId}/members", new { name = "越权", organization = "x" })).StatusCode);
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/bodies?scope={Known.Xinyuan}");
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("name").GetString() == "新园社区居民议事会" && b.GetProperty("members").GetInt32() == 5);
    }
}
