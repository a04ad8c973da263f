using System.Text.Json;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Alerts.Features.Patrols;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Alerts.Tests;

public class PatrolTests(AlertsApp app)
{
    private Task<long> UserIdAsync(Person p) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == p.Login).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Patrol_MembersOfSeveralUnits_CheckInLogRaiseCheckOut_PersonTimesPerUnit()
    {
        var police = await app.ResponderAsync(Known.Xinyuan, "武警中队");
        var police2 = await app.ResponderAsync(Known.Xinyuan, "武警中队");
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业");
        var worker = await app.SignInAsync(Known.XinyuanWorker);
        var month = new DateTimeOffset(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var input = new
        {
            placeId = await app.PlaceIdAsync(Known.Xinyuan), name = "新园夜巡", startsAt = month, endsAt = month.AddHours(3),
            memberUserIds = new[] { await UserIdAsync(police), await UserIdAsync(police2), await UserIdAsync(guard) },
        };
        var created = await worker.PostAsJsonAsync("/api/v1/alerts/patrols", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var shift = (await created.Content.ReadFromJsonAsync<PatrolView>(AlertsApp.Json))!;
        Assert.Equal(3, shift.Members.Count);

        var fucheng = await app.SignInAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync("/api/v1/alerts/patrols", input)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fucheng.GetAsync($"/api/v1/alerts/patrols/{shift.Id}")).StatusCode);

        var url = $"/api/v1/alerts/patrols/{shift.Id}";
        Assert.Equal(HttpStatusCode.OK, (await police.Http.PostAsJsonAsync(url + "/check-in", new { latitude = 30.55, longitude = 104.04 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.Http.PostAsJsonAsync(url + "/check-in", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police2.Http.PostAsJsonAsync(url + "/check-in", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync(url + "/check-in", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.Http.PostAsJsonAsync(url + "/logs", new { text = "3栋后门未锁", latitude = 30.551, longitude = 104.041 })).StatusCode);
        var raised = await police.Http.PostAsJsonAsync(url + "/alerts", new { kind = "SuspiciousPerson", text = "巡逻发现可疑人员" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var alert = (await raised.Content.ReadFromJsonAsync<AlertView>(AlertsApp.Json))!;
        Assert.Equal(shift.PlaceId, alert.PlaceId);
        Assert.Equal(shift.Id, await app.WithDbAsync(db => db.Set<Alert>().Where(a => a.Id == alert.Id).Select(a => a.PatrolShiftId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await police.Http.PostAsJsonAsync(url + "/check-out", new { latitude = 30.56, longitude = 104.05 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.Http.PostAsJsonAsync(url + "/check-out", new { })).StatusCode);
        var outsider = await app.ResidentAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync(url + "/alerts", new { kind = "Other" })).StatusCode);

        var view = await worker.GetFromJsonAsync<PatrolView>(url, AlertsApp.Json);
        Assert.Equal("3栋后门未锁", Assert.Single(view!.Logs).Text);
        Assert.NotNull(view.Members.Single(m => m.Unit == "武警中队" && m.CheckedOutAt != null).CheckedInAt);

        var times = await worker.GetFromJsonAsync<List<PersonTimes>>($"/api/v1/alerts/patrols/person-times?scope={Known.Xinyuan}&month=2031-03", AlertsApp.Json);
        Assert.Equal([new PersonTimes("武警中队", 2), new PersonTimes("锦绣物业", 1)], times);
        Assert.Empty((await worker.GetFromJsonAsync<List<PersonTimes>>($"/api/v1/alerts/patrols/person-times?scope={Known.Xinyuan}&month=2031-04", AlertsApp.Json))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync($"/api/v1/alerts/patrols/person-times?scope={Known.Xinyuan}&month=x")).StatusCode);

        var patrolsPage = await worker.GetStringAsync($"/alerts/patrols?scope={Known.Xinyuan}");
        Assert.Contains("新园夜巡", patrolsPage);
        Assert.Contains("data-plan-patrol", patrolsPage);
        Assert.Contains("武警中队", patrolsPage);
        Assert.DoesNotContain("data-plan-patrol", await guard.Http.GetStringAsync($"/alerts/patrols?scope={Known.Xinyuan}"));
        Assert.DoesNotContain("data-patrol=", await worker.GetStringAsync($"/alerts/patrols/{shift.Id}"));
        var memberPage = await guard.Http.GetStringAsync($"/alerts/patrols/{shift.Id}");
        Assert.Contains($"data-patrol=\"{shift.Id}\"", memberPage);
        Assert.Contains("3栋后门未锁", memberPage);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/alerts/patrols/{shift.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync("/alerts/patrols")).StatusCode);
    }
}
