using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class JointUnitTests(JiayuanApp app)
{
    [Fact]
    public async Task DemoJointBranch_ListsItsUnitsByName_OnTheApiAndThePage()
    {
        var (id, covered) = await app.WithDbAsync(async db =>
        {
            var o = await db.Set<PartyOrganization>().Where(o => o.Kind == OrgKind.JointBranch && o.TwoNew == TwoNewKind.NonPublicEnterprise).OrderBy(o => o.Id).FirstAsync();
            return (o.Id, o.CoveredUnits);
        });
        var admin = await app.LoginAsync("admin");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{id}");
        var units = detail.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.Equal(covered, units.Count);
        Assert.All(units, u => Assert.EndsWith("有限公司（演示）", u, StringComparison.Ordinal));
        var html = await admin.GetStringAsync($"/party/orgs/{id}");
        Assert.Contains($"联建单位（{covered}）", html, StringComparison.Ordinal);
        Assert.Contains(units[0], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOrganizations_ListNoUnits()
    {
        var id = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Kind == OrgKind.Committee).Select(o => o.Id).FirstAsync());
        var detail = await (await app.LoginAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{id}");
        Assert.Equal(0, detail.GetProperty("units").GetArrayLength());
    }
}

/// <summary>Creating joint branches changes the demo totals: an app of its own.</summary>
public sealed class JointUnitApp : JiayuanApp;

public class CreateJointBranchTests(JointUnitApp app) : IClassFixture<JointUnitApp>
{
    [Fact]
    public async Task CreateJointBranch_WithUnitNames_CountsThem_RulesApply()
    {
        var admin = await app.LoginAsync("admin");
        var (parent, place) = await app.WithDbAsync(async db =>
        {
            var o = await db.Set<PartyOrganization>().Where(o => o.Name == "中共天府新谷园区委员会").FirstAsync();
            return (o.Id, o.PlaceId);
        });
        var created = await admin.PostAsJsonAsync("/api/v1/party/organizations", new
        {
            parentId = parent, name = "中共测试联合支部委员会", kind = "JointBranch", placeId = place, formationMode = "Joint", twoNew = "NonPublicEnterprise",
            units = new[] { "成都甲科技有限公司", " 成都乙信息有限公司 ", "成都丙数据有限公司", "" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{id}");
        Assert.Equal(new[] { "成都甲科技有限公司", "成都乙信息有限公司", "成都丙数据有限公司" }, detail.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).ToArray());
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.Id == id).Select(o => o.CoveredUnits).FirstAsync()));

        var tooMany = await admin.PostAsJsonAsync("/api/v1/party/organizations", new
        {
            parentId = parent, name = "中共过宽联合支部委员会", kind = "JointBranch", placeId = place, formationMode = "Joint",
            units = new[] { "一", "二", "三", "四", "五", "六" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("units", out _));
        var notJoint = await admin.PostAsJsonAsync("/api/v1/party/organizations", new
        {
            parentId = parent, name = "中共单建支部委员会", kind = "Branch", placeId = place, units = new[] { "一", "二" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, notJoint.StatusCode);
    }
}
