using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class PointsTests(JiayuanApp app)
{
    [Theory]
    [InlineData(2, 24, 0, 2)]
    [InlineData(2, 24, 23, 1)]
    [InlineData(2, 24, 24, 0)]
    [InlineData(-2, 10, -9, -1)]
    [InlineData(-5, 10, -10, 0)]
    public void Capped_RespectsTheYearlyCap(int points, int cap, int soFar, int expected) => Assert.Equal(expected, StudyRules.Capped(points, cap, soFar));

    [Fact]
    public void Required_Is32Or56() => Assert.Equal((32m, 56m), (StudyRules.Required(false), StudyRules.Required(true)));

    private Task<PartyMember> MemberAsync(int skip, bool committee) => app.WithDbAsync(db =>
        db.Set<PartyMember>().AsNoTracking().Where(m => m.PlacePath.StartsWith("/510107063/001/") && m.IsCommitteeMember == committee).OrderBy(m => m.Id).Skip(skip).FirstAsync());

    [Fact]
    public async Task Award_UpToTheCap_ThenRefused()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var rules = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/party/point-rules");
        var praise = rules.EnumerateArray().Single(r => r.GetProperty("item").GetString() == "受到表彰");
        var member = await MemberAsync(4, false);
        var ruleId = praise.GetProperty("id").GetInt64();
        Assert.Equal(5, (await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/points", new { ruleId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("given").GetInt32());
        Assert.Equal(10, (await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/points", new { ruleId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("yearTotal").GetInt32());
        var third = await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/points", new { ruleId });
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains("上限", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ruleId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyHours_CountAgainst32Or56()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var member = await MemberAsync(6, false);
        var leader = await MemberAsync(0, true);
        var row = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/study-hours", new { hours = 24, topic = "党章学习" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(32m, row.GetProperty("requiredHours").GetDecimal());
        Assert.False(row.GetProperty("studyMet").GetBoolean());
        await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/study-hours", new { hours = 8, topic = "党课" });
        await secretary.PostAsJsonAsync($"/api/v1/party/members/{leader.Id}/study-hours", new { hours = 24, topic = "专题培训" });
        await secretary.PostAsJsonAsync($"/api/v1/party/members/{leader.Id}/study-hours", new { hours = 8, topic = "党课" });

        var year = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{member.OrganizationId}/points");
        var m = year.EnumerateArray().Single(r => r.GetProperty("memberId").GetInt64() == member.Id);
        Assert.True(m.GetProperty("studyMet").GetBoolean());
        var leaderYear = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{leader.OrganizationId}/points");
        var l = leaderYear.EnumerateArray().Single(r => r.GetProperty("memberId").GetInt64() == leader.Id);
        Assert.Equal(56m, l.GetProperty("requiredHours").GetDecimal());
        Assert.False(l.GetProperty("studyMet").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/study-hours", new { hours = 30, topic = "太长" })).StatusCode);
    }

    [Fact]
    public async Task PointRules_EditedOnlyBySubdistrictAdmins()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/party/point-rules", new { item = "书记自定", points = 1, yearlyCap = 5 })).StatusCode);
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var created = await admin.PostAsJsonAsync("/api/v1/party/point-rules", new { item = "社区营造贡献", points = 3, yearlyCap = 9 });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/party/point-rules", new { item = "社区营造贡献", points = 3, yearlyCap = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/party/point-rules", new { item = "零分", points = 0, yearlyCap = 9 })).StatusCode);
    }
}
