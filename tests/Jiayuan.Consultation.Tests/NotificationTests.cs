using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Consultation.Tests;

public class NotificationTests(JiayuanApp app)
{
    private async Task<long> TopicAsync(HttpClient author)
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var response = await author.PostAsJsonAsync("/api/v1/consultation/topics", new { placeId = xinyuan, category = "Safety", title = "通知测试" + Guid.NewGuid().ToString("N")[..4], text = "x" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/consultation/notifications")).GetProperty("messages");

    [Fact]
    public async Task DailyDigest_GroupsRepeats_NeverEmpty_ImmediateArrivesAtOnce()
    {
        var daily = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.OK, (await daily.PutAsJsonAsync("/api/v1/consultation/notifications/preference", new { daily = true })).StatusCode);
        var immediate = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        var dailyTopic = await TopicAsync(daily);
        var immediateTopic = await TopicAsync(immediate);

        var commenter = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        for (var i = 0; i < 3; i++)
        {
            await commenter.PostAsJsonAsync($"/api/v1/consultation/topics/{dailyTopic}/comments", new { text = "评论" + i });
        }
        await commenter.PostAsJsonAsync($"/api/v1/consultation/topics/{immediateTopic}/comments", new { text = "评论" });

        Assert.Equal(1, (await InboxAsync(immediate)).GetArrayLength()); // at once
        Assert.Equal(0, (await InboxAsync(daily)).GetArrayLength());     // waits for the digest

        await app.WithDbAsync(db => Jiayuan.Consultation.Features.Notifications.Notifier.SendDigestsAsync(db, app.Clock.GetUtcNow(), default));
        var inbox = await InboxAsync(daily);
        var digest = Assert.Single(inbox.EnumerateArray());
        Assert.True(digest.GetProperty("isDigest").GetBoolean());
        Assert.Contains("×3", digest.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(digest.GetProperty("text").GetString()!.Split('\n'));

        // Nothing new: no empty digest.
        await app.WithDbAsync(db => Jiayuan.Consultation.Features.Notifications.Notifier.SendDigestsAsync(db, app.Clock.GetUtcNow(), default));
        Assert.Equal(1, (await InboxAsync(daily)).GetArrayLength());
        Assert.Equal(1, (await InboxAsync(immediate)).GetArrayLength());
    }

    [Fact]
    public async Task InboxPage_ListsMessages_AndSetsTheDailyDigest()
    {
        var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
        var author = await app.LoginAsync(login);
        var topic = await TopicAsync(author);
        var commenter = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        await commenter.PostAsJsonAsync($"/api/v1/consultation/topics/{topic}/comments", new { text = "收件箱评论" });

        var page = await author.GetStringAsync("/consultation/inbox");
        Assert.Matches("<ul class=\"list\" id=\"messages\">[\\s\\S]*通知测试", page);
        Assert.Matches("<input type=\"radio\" name=\"Daily\" value=\"false\" checked", page);

        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await author.PostAsync("/consultation/inbox", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "preference", ["Daily"] = "true",
        }));
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("已保存", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"radio\" name=\"Daily\" value=\"true\" checked", html);
        Assert.True((await author.GetFromJsonAsync<JsonElement>("/api/v1/consultation/notifications")).GetProperty("daily").GetBoolean());

        // Signed out: the page sends you to log in.
        var anonymous = await app.Anonymous().GetAsync("/consultation/inbox");
        Assert.Contains("/account/login", anonymous.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}
