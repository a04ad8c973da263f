using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class DualRegistrationTests(JiayuanApp app)
{
    [Fact]
    public async Task Community_SeesWhoReported_AndWhoLivesHereButHasNot()
    {
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/party/dual-registration?scope={Known.Fucheng}");
        Assert.True(view.GetProperty("organizations").GetArrayLength() >= 2);
        Assert.True(view.GetProperty("members").GetArrayLength() > 0);
        var missing = view.GetProperty("notReported").EnumerateArray().ToList();
        Assert.NotEmpty(missing);

        var memberId = missing[0].GetProperty("memberId").GetInt64();
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        var reported = await worker.PostAsJsonAsync("/api/v1/party/dual-registration", new { communityId = fucheng, memberId });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var after = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/party/dual-registration?scope={Known.Fucheng}");
        Assert.DoesNotContain(after.GetProperty("notReported").EnumerateArray(), m => m.GetProperty("memberId").GetInt64() == memberId);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("/api/v1/party/dual-registration", new { communityId = fucheng, memberId })).StatusCode);

        var reportId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var evaluated = await worker.PostAsJsonAsync($"/api/v1/party/dual-registration/{reportId}/evaluation", new { grade = "Excellent", note = "积极参加夜间巡逻" });
        Assert.Equal("Excellent", (await evaluated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evaluation").GetString());
    }

    [Fact]
    public async Task Post_ClaimedOnlyByRegisteredMembers_WhileSlotsRemain()
    {
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        var post = await (await worker.PostAsJsonAsync("/api/v1/party/service-posts", new { communityId = fucheng, title = "楼道清洁", slots = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        var postId = post.GetProperty("id").GetInt64();
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/party/dual-registration?scope={Known.Fucheng}");
        var registered = view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt64()).Take(2).ToList();
        var unregistered = view.GetProperty("notReported").EnumerateArray().Last().GetProperty("memberId").GetInt64();

        var refused = await worker.PostAsJsonAsync($"/api/v1/party/service-posts/{postId}/claims", new { memberId = unregistered });
        Assert.Contains("报到", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("memberId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/v1/party/service-posts/{postId}/claims", new { memberId = registered[0] })).StatusCode);
        var full = await worker.PostAsJsonAsync($"/api/v1/party/service-posts/{postId}/claims", new { memberId = registered[1] });
        Assert.Contains("已满", (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("memberId")[0].GetString(), StringComparison.Ordinal);

        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/party/service-posts?scope={Known.Fucheng}");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("title").GetString() == "夜间巡逻志愿者");
    }

    [Fact]
    public async Task OtherCommunity_CannotSeeOrRecord()
    {
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/party/dual-registration?scope={Known.Fucheng}")).StatusCode);
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        var member = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.PlacePath.StartsWith("/510107063/001/")).Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/party/dual-registration", new { communityId = fucheng, memberId = member })).StatusCode);
    }
}
