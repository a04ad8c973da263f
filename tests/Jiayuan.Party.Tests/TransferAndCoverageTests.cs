using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class TransferTests(JiayuanApp app)
{
    private Task<(long Member, long From, long To)> PickAsync(string fromPrefix, string toPrefix, int skip) => app.WithDbAsync(async db =>
    {
        var member = await db.Set<PartyMember>().Where(m => m.PlacePath.StartsWith(fromPrefix) && m.Status == MemberStatus.Full).OrderBy(m => m.Id).Skip(skip).FirstAsync();
        var to = await db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith(toPrefix) && o.Kind == OrgKind.Branch && o.PlaceKind == "Courtyard").OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        return (member.Id, member.OrganizationId, to);
    });

    [Fact]
    public async Task Transfer_StaysWithSenderUntilAccepted_ThenMoves()
    {
        var (member, from, to) = await PickAsync("/510107063/005/", "/510107063/006/", 0);
        var sender = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063005"));
        var receiver = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063006"));
        var issued = await sender.PostAsJsonAsync($"/api/v1/party/members/{member}/transfers", new { toOrganizationId = to, reason = "迁居盛和社区" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var transfer = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var id = transfer.GetProperty("id").GetInt64();
        Assert.Equal(DateOnly.Parse(transfer.GetProperty("issuedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddMonths(3),
            DateOnly.Parse(transfer.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(from, await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == member).Select(m => m.OrganizationId).FirstAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await sender.PostAsJsonAsync($"/api/v1/party/members/{member}/transfers", new { toOrganizationId = to, reason = "重复" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sender.PostAsJsonAsync($"/api/v1/party/transfers/{id}/accept", new { })).StatusCode);

        var accepted = await receiver.PostAsJsonAsync($"/api/v1/party/transfers/{id}/accept", new { note = "欢迎" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var moved = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == member).Select(m => new { m.OrganizationId, m.PlacePath }).FirstAsync());
        Assert.Equal(to, moved.OrganizationId);
        Assert.StartsWith("/510107063/006/", moved.PlacePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await receiver.PostAsJsonAsync($"/api/v1/party/transfers/{id}/accept", new { })).StatusCode);

        // Both organizations' maintained member counts follow the move.
        var counters = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Id == from || o.Id == to)
            .Select(o => new { o.MemberCount, Actual = db.Set<PartyMember>().Count(m => m.OrganizationId == o.Id) }).ToListAsync());
        Assert.All(counters, c => Assert.Equal(c.Actual, c.MemberCount));
    }

    [Fact]
    public async Task Transfer_RejectNeedsReason_MemberStays()
    {
        var (member, from, to) = await PickAsync("/510107063/005/", "/510107063/006/", 1);
        var sender = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063005"));
        var receiver = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, "510107063006"));
        var id = (await (await sender.PostAsJsonAsync($"/api/v1/party/members/{member}/transfers", new { toOrganizationId = to, reason = "工作变动" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await receiver.PostAsJsonAsync($"/api/v1/party/transfers/{id}/reject", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await receiver.PostAsJsonAsync($"/api/v1/party/transfers/{id}/reject", new { note = "介绍信信息有误" })).StatusCode);
        Assert.Equal(from, await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == member).Select(m => m.OrganizationId).FirstAsync()));
    }

    [Fact]
    public async Task Transfer_PendingPastThreeMonths_IsListedOverdue()
    {
        await using var own = new JiayuanApp();
        await own.InitializeAsync();
        var member = await own.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.PlacePath.StartsWith("/510107063/005/")).Select(m => m.Id).FirstAsync());
        var to = await own.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/006/") && o.Kind == OrgKind.Branch).Select(o => o.Id).FirstAsync());
        var login = await own.CreateUserAsync(Role.BranchSecretary, "510107063005");
        await (await own.LoginAsync(login)).PostAsJsonAsync($"/api/v1/party/members/{member}/transfers", new { toOrganizationId = to, reason = "迁出" });
        own.Clock.Advance(TimeSpan.FromDays(95));
        var overdue = await (await own.LoginAsync(login)).GetFromJsonAsync<JsonElement>("/api/v1/party/transfers?scope=510107063005&overdueOnly=true");
        Assert.Equal(member, overdue[0].GetProperty("memberId").GetInt64());
        Assert.True(overdue[0].GetProperty("overdue").GetBoolean());

        // An expired letter cannot be accepted: the sender must issue a new one.
        var receiver = await own.LoginAsync(await own.CreateUserAsync(Role.BranchSecretary, "510107063006"));
        var late = await receiver.PostAsJsonAsync($"/api/v1/party/transfers/{overdue[0].GetProperty("id").GetInt64()}/accept", new { });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("过期", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        // The sender issues a new letter; it replaces the expired one.
        var renewed = await (await own.LoginAsync(login)).PostAsJsonAsync($"/api/v1/party/members/{member}/transfers", new { toOrganizationId = to, reason = "重新开具" });
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
    }
}

public class CoverageTests(JiayuanApp app)
{
    [Fact]
    public async Task Coverage_ListsTheThreeUncoveredCourtyardsAsGaps()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/party/coverage?scope=510107063");
        var courtyardGaps = report.GetProperty("gaps").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == "Courtyard").ToList();
        Assert.Equal(3, courtyardGaps.Count);
        Assert.All(courtyardGaps, g => Assert.StartsWith("/510107063/006/", g.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.Contains(report.GetProperty("coveredPlaces").EnumerateArray(), c => c.GetProperty("name").GetString() == "索贝数码");

        // 应建尽建 over time: the 18 courtyard branches founded in 2018 raise coverage that year; today's figure is the covered count.
        var progress = report.GetProperty("progress").EnumerateArray().ToDictionary(p => p.GetProperty("year").GetInt32(), p => p.GetProperty("covered").GetInt32());
        Assert.True(progress[2018] - progress[2017] >= 18);
        Assert.Equal(report.GetProperty("covered").GetInt32(), progress[progress.Keys.Max()]);
    }

    [Fact]
    public async Task CoveragePage_ShowsTheGapsAndTheCoveredPlaces_OtherCommunityGets403()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/party/coverage?scope=510107063");
        var page = await admin.GetStringAsync("/party/coverage?scope=510107063");
        Assert.Contains("空白点", page, StringComparison.Ordinal);
        foreach (var gap in report.GetProperty("gaps").EnumerateArray())
        {
            Assert.Contains(gap.GetProperty("code").GetString()!, page, StringComparison.Ordinal);
        }
        Assert.Contains("索贝数码", page, StringComparison.Ordinal);
        Assert.Contains("/party/coverage?scope=510107063", await admin.GetStringAsync("/party?scope=510107063"), StringComparison.Ordinal);

        var fucheng = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var refused = await fucheng.GetAsync($"/party/coverage?scope={Known.Xinyuan}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("空白点", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_OtherCommunity_IsForbidden()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/party/coverage?scope={Known.Xinyuan}")).StatusCode);
    }
}
