using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Places.Tests;

public class BrowsePlacesTests(JiayuanApp app)
{
    [Fact]
    public async Task Root_IsShiyangWithItsCommunitiesParksAndDistricts()
    {
        var root = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/places/root");
        Assert.Equal("510107063", root.GetProperty("code").GetString());
        Assert.Equal("石羊街道", root.GetProperty("name").GetString());
        var names = root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("三元社区", names);
        Assert.Contains("府城社区", names);
        Assert.Contains("新园社区", names);
        Assert.Contains("锦城社区", names);
        Assert.Contains("天府新谷园区", names);
        Assert.Contains(root.GetProperty("children").EnumerateArray(), c => c.GetProperty("kind").GetString() == "BusinessDistrict");
    }

    [Fact]
    public async Task Community_ListsResettlementAndCommercialCourtyards()
    {
        var id = await app.PlaceIdAsync(Known.Fucheng);
        var node = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{id}");
        var types = node.GetProperty("children").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "Courtyard")
            .Select(c => c.GetProperty("courtyardType").GetString()).Distinct().ToList();
        Assert.Contains("Resettlement", types);
        Assert.Contains("Commercial", types);
        Assert.Contains(node.GetProperty("children").EnumerateArray(), c => c.GetProperty("name").GetString() == "新华文轩" && c.GetProperty("unitKind").GetString() == "Enterprise");
        Assert.Equal("石羊街道", node.GetProperty("breadcrumb")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Units_HaveTheirKinds()
    {
        var kinds = await app.WithDbAsync(async db =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Database.SqlQueryRaw<string>("SELECT \"UnitKind\" AS \"Value\" FROM places_places WHERE \"Kind\" = 'Unit'")));
        foreach (var kind in new[] { "Enterprise", "SocialOrganization", "School", "Clinic", "Government", "Military" })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public async Task Households_HiddenFromAnonymousAndOtherCommunity_VisibleToOwnStaff()
    {
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        // A seeded courtyard (other tests add empty ones to 府城), and one of its buildings.
        var courtyard = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{fucheng}")).GetProperty("children").EnumerateArray()
            .First(c => c.GetProperty("kind").GetString() == "Courtyard" && c.GetProperty("childCount").GetInt32() > 0).GetProperty("id").GetInt64();
        var building = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{courtyard}")).GetProperty("children")[0].GetProperty("id").GetInt64();

        var anonymous = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{building}");
        Assert.Equal(0, anonymous.GetProperty("children").GetArrayLength());
        Assert.Equal(6, anonymous.GetProperty("hiddenChildren").GetInt32());

        var other = await (await app.LoginAsync(Known.XinyuanWorker)).GetFromJsonAsync<JsonElement>($"/api/v1/places/{building}");
        Assert.Equal(0, other.GetProperty("children").GetArrayLength());

        var own = await (await app.LoginAsync(Known.FuchengWorker)).GetFromJsonAsync<JsonElement>($"/api/v1/places/{building}");
        Assert.Equal(6, own.GetProperty("children").GetArrayLength());
        var household = own.GetProperty("children")[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/places/{household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoginAsync(Known.XinyuanWorker)).GetAsync($"/api/v1/places/{household}")).StatusCode);
    }

    [Fact]
    public async Task CommunityHomePage_ShowsNameStatsAndNotices()
    {
        var html = await app.Anonymous().GetStringAsync("/c/" + Known.Xinyuan);
        Assert.Contains("<h1>新园社区</h1>", html, StringComparison.Ordinal);
        Assert.Contains("院落", html, StringComparison.Ordinal);
        Assert.Contains("发展治理大家谈", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/c/999")).StatusCode);
    }

    [Fact]
    public async Task PlacePages_RenderTheTree()
    {
        var html = await app.Anonymous().GetStringAsync("/places");
        Assert.Contains("石羊街道", html, StringComparison.Ordinal);
        Assert.Contains("天府新谷园区", html, StringComparison.Ordinal);
    }
}

public class ManagePlacesTests(JiayuanApp app)
{
    [Fact]
    public async Task Create_InScope_AddsCourtyardUnderCommunity()
    {
        var client = await app.LoginAsync(Known.FuchengWorker);
        var parent = await app.PlaceIdAsync(Known.Fucheng);
        var response = await client.PostAsJsonAsync("/api/v1/places", new { parentId = parent, name = "测试新苑", kind = "Courtyard", courtyardType = "Commercial", latitude = 30.55, longitude = 104.05 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("/510107063/002/", created.GetProperty("path").GetString(), StringComparison.Ordinal);
        var node = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{created.GetProperty("id").GetInt64()}");
        Assert.Equal("Commercial", node.GetProperty("courtyardType").GetString());
    }

    [Fact]
    public async Task Create_OutOfScope_IsForbiddenAndNothingAdded()
    {
        var client = await app.LoginAsync(Known.FuchengWorker);
        var parent = await app.PlaceIdAsync(Known.Xinyuan);
        var response = await client.PostAsJsonAsync("/api/v1/places", new { parentId = parent, name = "越权院落X", kind = "Courtyard" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var count = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM places_places WHERE \"Name\" = '越权院落X'")));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Create_Invalid_ReturnsFieldErrors()
    {
        var login = await app.CreateUserAsync(Role.CommunityWorker, Known.Jincheng);
        var client = await app.LoginAsync(login);
        var parent = await app.PlaceIdAsync(Known.Jincheng);
        var response = await client.PostAsJsonAsync("/api/v1/places", new { parentId = parent, name = "", kind = "Unit", latitude = 120.0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("名称", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("unitKind", out _));
        Assert.True(errors.TryGetProperty("latitude", out _));
    }

    [Fact]
    public async Task Update_InScope_Renames()
    {
        var client = await app.LoginAsync(Known.SubdistrictAdmin);
        var id = await app.PlaceIdAsync(Known.Jincheng);
        var response = await client.PutAsJsonAsync($"/api/v1/places/{id}", new { name = "锦城社区", description = "更新后的简介" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var node = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/places/{id}");
        Assert.Equal("更新后的简介", node.GetProperty("description").GetString());
    }
}
