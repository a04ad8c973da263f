using System.Text.Json;
using Jiayuan.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Consultation.Tests;

public class PollApiTests(JiayuanApp app)
{
    /// <summary>A resident whose home community is <paramref name="community"/>, signed in.</summary>
    private async Task<HttpClient> ResidentAsync(string community = Known.Xinyuan)
    {
        var login = await app.CreateUserAsync(Role.Resident, community);
        var placeId = await app.PlaceIdAsync(community);
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).ExecuteUpdateAsync(s => s.SetProperty(u => u.HomePlaceId, placeId)));
        return await app.LoginAsync(login);
    }

    private async Task<(long Id, long[] Options)> CreateAsync(object body)
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var response = await staff.PostAsJsonAsync("/api/v1/consultation/polls", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var poll = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (poll.GetProperty("poll").GetProperty("id").GetInt64(), [.. poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64())]);
    }

    [Fact]
    public async Task BodyMembers_Vote_Others_Are_Refused()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var body = await (await staff.PostAsJsonAsync("/api/v1/consultation/bodies", new { placeId = xinyuan, kind = "ResidentsCouncil", name = "投票测试议事会" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var bodyId = body.GetProperty("id").GetInt64();
        var members = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
            members.Add(login);
            var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).FirstAsync());
            var added = await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{bodyId}/members", new { name = "议事员" + i, organization = "居民", userId });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        var missing = await staff.PostAsJsonAsync("/api/v1/consultation/polls", new
        {
            placeId = xinyuan, title = "议事会表决", kind = "Consent", electorate = "BodyMembers", closesAt = app.Clock.GetUtcNow().AddHours(1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("bodyId", out _));
        var (id, _) = await CreateAsync(new
        {
            placeId = xinyuan, title = "议事会表决：加装电梯方案", kind = "Consent", electorate = "BodyMembers", bodyId, liveResults = true,
            closesAt = app.Clock.GetUtcNow().AddHours(1),
        });
        var member = await app.LoginAsync(members[0]);
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { position = "Agree" })).StatusCode);
        var outsider = await ResidentAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { position = "Agree" })).StatusCode);
        var poll = await member.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{id}");
        Assert.Equal(3, poll.GetProperty("results").GetProperty("electorate").GetInt32());
        Assert.Equal(1, poll.GetProperty("results").GetProperty("ballots").GetInt32());
    }

    [Fact]
    public async Task HiddenResults_UntilClose_ThenCounted()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var (id, options) = await CreateAsync(new
        {
            placeId = xinyuan, title = "口袋公园选址", kind = "SingleChoice", options = new[] { "东门", "西门" },
            closesAt = app.Clock.GetUtcNow().AddHours(1), liveResults = false,
        });
        foreach (var option in new[] { options[0], options[0], options[1] })
        {
            var vote = await (await ResidentAsync()).PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { options = new[] { option } });
            Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        }
        var open = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{id}");
        Assert.True(open.GetProperty("resultsHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("results").ValueKind);
        Assert.Equal(3, open.GetProperty("ballots").GetInt32());
        Assert.Contains("results-hidden", await app.Anonymous().GetStringAsync($"/polls/{id}"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var closed = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{id}");
        var results = closed.GetProperty("results");
        Assert.Equal(options[0], results.GetProperty("winnerId").GetInt64());
        Assert.Equal(2, results.GetProperty("options")[0].GetProperty("votes").GetInt64());
        Assert.True(results.GetProperty("electorate").GetInt32() >= 3);
        // Named poll: who voted how, names masked.
        Assert.Equal(3, results.GetProperty("voters").GetArrayLength());

        var late = await (await ResidentAsync()).PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { options = new[] { options[1] } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
    }

    [Fact]
    public async Task OneVotePerPerson_UnderConcurrency()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var (id, options) = await CreateAsync(new { placeId = xinyuan, title = "并发测试", kind = "MultipleChoice", options = new[] { "甲", "乙", "丙" }, maxChoices = 2, liveResults = true, anonymous = true });
        var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
        var placeId = xinyuan;
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).ExecuteUpdateAsync(s => s.SetProperty(u => u.HomePlaceId, placeId)));
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.LoginAsync(login)));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { options = new[] { options[0], options[1] } })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{id}");
        Assert.Equal(1, detail.GetProperty("results").GetProperty("ballots").GetInt32());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("results").GetProperty("voters").ValueKind); // anonymous
        var ballots = await app.WithDbAsync(db => db.Set<Jiayuan.Consultation.Domain.PollBallot>().Where(b => b.PollId == id).ToListAsync());
        Assert.All(ballots, b => Assert.Null(b.VoterId));
    }

    [Fact]
    public async Task Eligibility_PlaceSubtree_And_CompoundOwners_AndBadVotes()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var (id, options) = await CreateAsync(new { placeId = xinyuan, title = "资格测试", kind = "Consent", liveResults = true });
        var outsider = await ResidentAsync(Known.Fucheng);
        var refused = await outsider.PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { position = "Agree" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("新园社区", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bad = await (await ResidentAsync()).PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { position = "Maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The owners of the demo courtyard: 居小民 (jumin, living in 府城) owns a flat there.
        var courtyard = await app.PlaceIdAsync("510107063003-01");
        var (ownersPoll, ownerOptions) = await CreateAsync(new { placeId = courtyard, electorate = "CompoundOwners", title = "楼道灯颜色", kind = "Score", options = new[] { "暖光", "冷光" }, scoreMax = 3, liveResults = true });
        var jumin = await app.LoginAsync(Known.Resident);
        var scores = new Dictionary<string, int> { [ownerOptions[0].ToString()] = 3, [ownerOptions[1].ToString()] = 1 };
        Assert.Equal(HttpStatusCode.Created, (await jumin.PostAsJsonAsync($"/api/v1/consultation/polls/{ownersPoll}/votes", new { scores })).StatusCode);
        var notOwner = await (await ResidentAsync()).PostAsJsonAsync($"/api/v1/consultation/polls/{ownersPoll}/votes", new { scores });
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/polls/{ownersPoll}");
        Assert.True(detail.GetProperty("results").GetProperty("electorate").GetInt32() >= 22);
        Assert.Equal(3, detail.GetProperty("results").GetProperty("options")[0].GetProperty("score").GetInt64());
    }

    [Fact]
    public async Task Create_Invalid_FieldErrors_OtherCommunity_Forbidden()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var response = await staff.PostAsJsonAsync("/api/v1/consultation/polls", new { placeId = xinyuan, title = "", kind = "SingleChoice", options = new[] { "同" }, quorumPercent = 120, electorate = "CompoundOwners" });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "options", "quorumPercent", "electorate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/consultation/polls", new { placeId = fucheng, title = "越权", kind = "Consent" })).StatusCode);
    }

    [Fact]
    public async Task RankedChoice_ThroughThePage()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var (id, options) = await CreateAsync(new { placeId = xinyuan, title = "活动排序", kind = "RankedChoice", options = new[] { "书法", "舞蹈", "象棋" }, liveResults = true });
        var client = await ResidentAsync();
        var vote = await client.PostAsJsonAsync($"/api/v1/consultation/polls/{id}/votes", new { options = new[] { options[2], options[0] } });
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        var page = await app.Anonymous().GetStringAsync($"/polls/{id}");
        Assert.Contains("象棋", page, StringComparison.Ordinal);
        Assert.Contains("即时决选", page, StringComparison.Ordinal);
        var list = await app.Anonymous().GetStringAsync($"/polls?scope={Known.Xinyuan}");
        Assert.Contains("活动排序", list, StringComparison.Ordinal);
    }
}
