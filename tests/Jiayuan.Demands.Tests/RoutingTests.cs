using System.Text.Json;
using Jiayuan.Core.Identity;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>Routing: the most specific rule, the category default, the community (属地), the fallback (兜底).</summary>
public class RoutingTests(JiayuanApp app)
{
    [Fact]
    public async Task Rule_Category_Community_And_Fallback_Pick_The_Unit()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var xinyuanCourtyard = await CourtyardAsync(app, Known.Xinyuan);
        var safety = await SubmitAsync(resident, new { category = "SAFETY", description = "飞线充电。", placeCode = xinyuanCourtyard });
        Assert.Equal("新园社区", safety.Str("handler"));
        Assert.Contains("武警", safety.Str("coHandlers"));

        var culture = await SubmitAsync(resident, new { category = "CULTURE", description = "希望开设书法班。", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        Assert.Equal("成都市文化馆", culture.Str("handler"));

        var community = await SubmitAsync(resident, new { category = "PARKING", description = "乱停车。", placeCode = xinyuanCourtyard });
        Assert.Equal("新园社区", community.Str("handler"));

        var nowhere = await SubmitAsync(resident, new { category = "PARKING", description = "某路口乱停车。", lat = 30.6, @long = 104.0 });
        Assert.Equal("石羊街道", nowhere.Str("handler"));
    }

    [Fact]
    public async Task A_Co_Unit_Sees_The_Demand_And_Adds_Notes_But_Only_The_Lead_Unit_Accepts()
    {
        var places = (Jiayuan.Places.Contracts.IPlaceDirectory)app.Services.GetService(typeof(Jiayuan.Places.Contracts.IPlaceDirectory))!;
        var units = await places.DescendantsAsync((await places.RootAsync()).Path, Jiayuan.Places.Contracts.PlaceKind.Unit);
        var police = units.First(u => u.Name.StartsWith("四川武警", StringComparison.Ordinal));
        var coUnit = await app.LoginAsync(await app.CreateUserAsync(Role.UnitContact, police.Code));
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "SAFETY", description = "楼顶有人私拉电线（协办）。", placeCode = await CourtyardAsync(app, Known.Xinyuan) });
        var id = d.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await coUnit.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var queue = await coUnit.GetFromJsonAsync<JsonElement>("/api/v1/demands?view=queue&scope=" + police.Code);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        var inbox = await coUnit.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("demandId").GetInt64() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(coUnit, id, "accept")).Status);

        var lead = await app.LoginAsync(Known.XinyuanWorker);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "accept")).Status);
        var (status, noted) = await ActAsync(coUnit, id, "progress", new { note = "巡逻队已到场排查", @public = true });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(noted.GetProperty("timeline").EnumerateArray(), e => e.Str("note") == "巡逻队已到场排查");
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(coUnit, id, "reply", new { reply = "越权答复" })).Status);
    }

    [Fact]
    public async Task A_Branch_Secretary_Handles_Demands_Sent_To_Their_Place()
    {
        var courtyard = await CourtyardAsync(app, Known.Sanyuan);
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, courtyard));
        var jiedao = await app.LoginAsync(Known.SubdistrictAdmin);
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "ELDERLY", description = "独居老人需要上门探访（支部）。", placeCode = courtyard });
        var id = d.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(jiedao, id, "dispatch", new { handlerCode = courtyard, reason = "院落党支部包联" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(secretary, id, "accept")).Status);
        var (status, replied) = await ActAsync(secretary, id, "reply", new { reply = "支部党员已上门探访并结对。" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Replied", replied.Str("status"));
    }

    [Fact]
    public async Task Admin_Adds_A_Rule_And_The_Next_Demand_Follows_It()
    {
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var courtyard = await CourtyardAsync(app, Known.Sanyuan);
        var response = await admin.PostAsJsonAsync("/api/v1/demands/routing-rules", new { categoryCode = "ENV-GREEN", placeCode = courtyard, handlerCode = Known.Subdistrict, coHandlerCodes = new[] { Known.Sanyuan } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "ENV-GREEN", description = "树枝挡住窗户。", placeCode = courtyard });
        Assert.Equal("石羊街道", d.Str("handler"));
        Assert.Equal("三元社区", d.Str("coHandlers"));
        var worker = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/demands/routing-rules", new { placeCode = courtyard, handlerCode = Known.Subdistrict })).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/v1/demands/routing-rules", new { categoryCode = "X", placeCode = "nope", handlerCode = "" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("categoryCode", out _) && errors.TryGetProperty("placeCode", out _) && errors.TryGetProperty("handlerCode", out _));
    }
}
