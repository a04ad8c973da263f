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

        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/staff/consultation")).StatusCode);
    }
}
