using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Consultation.Tests;

/// <summary>The staff consultation workbench: only the community's staff reach its forms; others get a 403 with the reason.</summary>
public class StaffWorkbenchTests(JiayuanApp app)
{
    [Fact]
    public async Task Workbench_OpensForItsStaff_RefusesOtherCommunitiesWithReason()
    {
        var xinyuan = await app.LoginAsync(Known.XinyuanWorker);
        var own = await xinyuan.GetAsync("/staff/consultation");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("协商议事工作台", html);
        Assert.Contains("发起投票", html);

        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        var refused = await fucheng.GetAsync("/staff/consultation/c/" + Known.Xinyuan);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您的管辖范围内", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync($"/staff/consultation/c/{Known.Xinyuan}/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await xinyuan.GetAsync($"/staff/consultation/c/{Known.Xinyuan}/topics")).StatusCode);

        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/staff/consultation")).StatusCode);
    }

    [Fact]
    public async Task FundStepsPage_ShowsThePhaseToItsStaff_RefusesOthers()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var now = app.Clock.GetUtcNow();
        var created = await staff.PostAsJsonAsync("/api/v1/consultation/funds", new
        {
            placeId = await app.PlaceIdAsync(Known.Xinyuan), year = 2033, amount = "50000.00", proposalsUntil = now.AddDays(2), hearingAt = now.AddDays(9),
            decisionBy = now.AddDays(20), implementationUntil = now.AddDays(200), acceptanceBy = now.AddDays(230),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var page = await staff.GetAsync($"/staff/consultation/funds/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"phase\"", html);
        Assert.Contains("本阶段无需登记", html);
        Assert.Contains($"/staff/consultation/funds/{id}", await staff.GetStringAsync($"/funds/{id}"));
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync($"/staff/consultation/funds/{id}")).StatusCode);
    }

    [Fact]
    public async Task CompoundRosterPage_ShowsTheRosterToItsStaff_RefusesOthers()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var created = await staff.PostAsJsonAsync("/api/v1/places", new { parentId = xinyuan, name = "名册院落" + Guid.NewGuid().ToString("N")[..6], kind = "Courtyard" });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var owner = await staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{code}/owners", new { name = "王大明" });
        Assert.Equal(HttpStatusCode.Created, owner.StatusCode);
        var ownerId = (await owner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{code}/units", new { label = "1-101", area = "89.56", ownerId })).StatusCode);

        var page = await staff.GetAsync("/staff/consultation/compounds/" + code);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("共 1 名业主、1 个专有部分，专有部分总面积 89.56 平方米", html);
        Assert.Contains("1-101", html);
        Assert.Contains(code, await (await staff.GetAsync("/staff/consultation")).Content.ReadAsStringAsync());

        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        var refused = await fucheng.GetAsync("/staff/consultation/compounds/" + code);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您的管辖范围内", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("1-101", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BodyPage_OpensForItsStaff_RefusesOtherCommunitiesWithReason()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var body = await staff.PostAsJsonAsync("/api/v1/consultation/bodies", new { placeId = await app.PlaceIdAsync(Known.Xinyuan), kind = "ResidentsCouncil", name = "工作台议事会" });
        Assert.Equal(HttpStatusCode.Created, body.StatusCode);
        var id = (await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var missing = await staff.PostAsJsonAsync($"/api/v1/consultation/bodies/{id}/members", new { name = "成员" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("organization", out _));

        var own = await staff.GetAsync($"/staff/consultation/bodies/{id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("召集会议", await own.Content.ReadAsStringAsync());

        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        var refused = await fucheng.GetAsync($"/staff/consultation/bodies/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您的管辖范围内", await refused.Content.ReadAsStringAsync());
    }
}
