using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Consultation.Tests;

/// <summary>Topics with a low support threshold and auto-hide after 2 reports (configurable), on an app of their own.</summary>
public sealed class TopicAppFixture : JiayuanApp
{
    public TopicAppFixture()
    {
        With("Consultation:TopicSupportThreshold", "3");
        With("Consultation:TopicAutoHideReports", "2");
    }
}

public class TopicTests(TopicAppFixture app) : IClassFixture<TopicAppFixture>
{
    private async Task<HttpClient> ResidentAsync() => await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));

    [Fact]
    public async Task Raise_RoutedByCategory_SupportedToTheThreshold_GoesOnTheNextMeeting()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var author = await ResidentAsync();
        var raised = await author.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = xinyuan, category = "Culture", title = "增设社区书法班", text = "希望每周六上午开设书法班。" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var topic = await raised.Content.ReadFromJsonAsync<JsonElement>();
        var id = topic.GetProperty("id").GetInt64();
        Assert.Equal("新园社区居民议事会", topic.GetProperty("routedBodyName").GetString());

        var supporters = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ResidentAsync()));
        Assert.Equal(HttpStatusCode.OK, (await supporters[0].PostAsync($"/api/v1/consultation/topics/{id}/support", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supporters[0].PostAsync($"/api/v1/consultation/topics/{id}/support", null)).StatusCode);
        var rest = await Task.WhenAll(supporters.Skip(1).Select(s => s.PostAsync($"/api/v1/consultation/topics/{id}/support", null)));
        Assert.All(rest, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{id}");
        Assert.Equal(3, detail.GetProperty("topic").GetProperty("supports").GetInt32());
        Assert.True(detail.GetProperty("topic").GetProperty("onAgenda").GetBoolean());
        var meetingId = detail.GetProperty("topic").GetProperty("meetingId").GetInt64();
        var meeting = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/meetings/{meetingId}");
        Assert.Contains(meeting.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("title").GetString() == "居民议题：增设社区书法班");
        // The author hears of it (immediate notifications by default).
        var inbox = await author.GetFromJsonAsync<JsonElement>("/api/v1/consultation/notifications");
        Assert.Contains(inbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("已列入议事会议程", StringComparison.Ordinal));

        var bad = await author.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = xinyuan, title = "" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _) && errors.TryGetProperty("title", out _) && errors.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Reports_AutoHide_AfterN_ModeratorRestoresInBulk()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var author = await ResidentAsync();
        var id = (await (await author.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = xinyuan, category = "Other", title = "广告帖", text = "加微信买保健品" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var comment = await (await author.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/comments", new { text = "骂人的话" })).Content.ReadFromJsonAsync<JsonElement>();
        var commentId = comment.GetProperty("id").GetInt64();

        var first = await ResidentAsync();
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/reports", new { commentId })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/reports", new { commentId })).StatusCode);
        var second = await ResidentAsync();
        await second.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/reports", new { commentId });
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{id}");
        Assert.Equal(0, detail.GetProperty("comments").GetArrayLength()); // hidden after 2 reports

        await first.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/reports", new { });
        await second.PostAsJsonAsync($"/api/v1/consultation/topics/{id}/reports", new { });
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/consultation/topics/{id}")).StatusCode);

        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync("/api/v1/consultation/topics/moderation", new { topicIds = new[] { id }, action = "Restore" })).StatusCode);
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var restored = await staff.PostAsJsonAsync("/api/v1/consultation/topics/moderation", new { topicIds = new[] { id }, commentIds = new[] { commentId }, action = "Restore" });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/topics/{id}");
        Assert.Equal(1, detail.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task TopicsPage_ListsDemoTopic_WithRaiseForm()
    {
        var page = await (await ResidentAsync()).GetStringAsync($"/topics?scope={Known.Xinyuan}");
        Assert.Contains("小区垃圾分类桶站异味大", page, StringComparison.Ordinal);
        Assert.Contains("id=\"raise\"", page, StringComparison.Ordinal);
    }
}
