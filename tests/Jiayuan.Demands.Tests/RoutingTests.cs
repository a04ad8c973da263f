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
