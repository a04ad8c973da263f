using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

/// <summary>Creating organizations and adding members changes the demo totals: an app of its own.</summary>
public sealed class ManageApp : JiayuanApp;

public class ManageTests(ManageApp app) : IClassFixture<ManageApp>
{
    [Fact]
    public async Task CreateBranch_AddMembers_CommitteeRules()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var parent = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath == "/510107063/004" && o.Kind == OrgKind.Committee).Select(o => o.Id).FirstAsync());
        var courtyard = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.PlaceKind == "Courtyard").Select(o => o.PlaceId).FirstAsync());
        // Cached before the change, so the check below fails if the new organization and members do not drop the cache.
        await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063&year=2026");
        var created = await secretary.PostAsJsonAsync("/api/v1/party/organizations", new { parentId = parent, name = "中共测试院落第二支部委员会", kind = "Branch", placeId = courtyard });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var orgId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var bad = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/members", new { name = "坏号", idNumber = "110105194912310021", status = "Full", admittedOn = "2000-07-01" });
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idNumber", out _));
        foreach (var (name, id) in new[] { ("党员甲", ImportTests.NewId()), ("党员乙", ImportTests.NewId(false)), ("党员丙", ImportTests.NewId()) })
        {
            Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/members",
                new { name, idNumber = id, status = "Full", admittedOn = "2000-07-01", phone = "13900001111" })).StatusCode);
        }
        var tree = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations?scope={Known.Jincheng}");
        var row = tree.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == orgId);
        Assert.Equal(3, row.GetProperty("fullMembers").GetInt32());
        Assert.DoesNotContain(row.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "min-full-members");

        var committee = await secretary.PutAsJsonAsync($"/api/v1/party/organizations/{orgId}/committee", new { secretary = "党员甲", hasCommittee = true });
        Assert.Contains("7", (await committee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("hasCommittee")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/v1/party/organizations/{orgId}/committee", new { secretary = "党员甲", deputySecretary = "党员乙", hasCommittee = false, lastElectionOn = "2026-01-10" })).StatusCode);

        // The statistics follow at once (counters refreshed, cache dropped); other tests of this app may add members too.
        var stats = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063&year=2026");
        Assert.Equal(await app.WithDbAsync(db => db.Set<PartyOrganization>().CountAsync(o => o.Kind != OrgKind.PartyGroup)), stats.GetProperty("organizations").GetInt32());
        Assert.Equal(await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync()), stats.GetProperty("members").GetInt32());
        Assert.True(stats.GetProperty("organizations").GetInt32() >= 142);
    }

    [Fact]
    public async Task AddMember_GenderMismatchOr15DigitId_IsHandled()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var org = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.Kind == OrgKind.Branch).Select(o => o.Id).FirstAsync());
        var mismatch = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{org}/members", new { name = "性别错", gender = "女", idNumber = ImportTests.NewId(male: true), status = "Full", admittedOn = "2000-07-01" });
        Assert.True((await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("gender", out _));
        var legacy = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{org}/members", new { name = "老证件", idNumber = "110105491231002", status = "Full", admittedOn = "1980-07-01" });
        Assert.Equal(HttpStatusCode.Created, legacy.StatusCode);
    }

    [Fact]
    public async Task WorkingCommittee_OnlyOnce()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var root = await app.PlaceIdAsync(Known.Subdistrict);
        var again = await admin.PostAsJsonAsync("/api/v1/party/organizations", new { name = "第二个党工委", kind = "WorkingCommittee", placeId = root });
        Assert.Contains("党工委", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OutOfScopeOrGroupOutsideBranch_IsRefused()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var xinyuan = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath == "/510107063/003" && o.Kind == OrgKind.Committee).Select(o => new { o.Id, o.PlaceId }).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/party/organizations", new { parentId = xinyuan.Id, name = "越权", kind = "Branch", placeId = xinyuan.PlaceId })).StatusCode);
        var jincheng = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath == "/510107063/004" && o.Kind == OrgKind.Committee).Select(o => new { o.Id, o.PlaceId }).FirstAsync());
        var group = await secretary.PostAsJsonAsync("/api/v1/party/organizations", new { parentId = jincheng.Id, name = "小组", kind = "PartyGroup", placeId = jincheng.PlaceId });
        Assert.True((await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));
    }
}
