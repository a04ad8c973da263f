using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Alerts.Tests;

/// <summary>Escalation outward with the test clock; the sweep is called directly (the background loop is off in tests).</summary>
public class EscalationTests(AlertsApp app)
{
    private const string Courtyard = Known.Xinyuan + "-01";
    private const string OtherCourtyard = Known.Xinyuan + "-02";
    private const string Park = Known.Subdistrict + "-P01";
    private static readonly TimeSpan _pastDeadline = TimeSpan.FromSeconds(61);

    private Task<long> UserIdAsync(Person p) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == p.Login).Select(u => u.Id).SingleAsync());

    private Task<List<long>> RecipientsAsync(long alertId) =>
        app.WithDbAsync(db => db.Set<AlertRecipient>().Where(r => r.AlertId == alertId).Select(r => r.UserId).ToListAsync());

    private Task<Alert> AlertAsync(long id) => app.WithDbAsync(db => db.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Unacknowledged_EscalatesCourtyardThenCommunityThenSubdistrict_NeverOtherCommunity()
    {
        var courtyardGuard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var neighbourGuard = await app.ResponderAsync(Known.Xinyuan, "天府花园物业", areaCodes: OtherCourtyard);
        var communityTeam = await app.ResponderAsync(Known.Xinyuan, "新园联防队");
        var parkGuard = await app.ResponderAsync(Park, "园区保安");
        var fucheng = await app.ResponderAsync(Known.Fucheng, "府城联防队");
        await using var neighbour = await neighbourGuard.ConnectAsync();
        await using var guard = await courtyardGuard.ConnectAsync();

        var alert = await (await app.ResidentAsync()).RaiseAsync(Courtyard + "-2", AlertKind.Fire, "楼道起火");
        var ids = new Dictionary<string, long>();
        foreach (var p in new[] { courtyardGuard, neighbourGuard, communityTeam, parkGuard, fucheng })
        {
            ids[p.Login] = await UserIdAsync(p);
        }
        var level0 = await RecipientsAsync(alert.Id);
        Assert.Contains(ids[courtyardGuard.Login], level0);
        Assert.Contains(ids[communityTeam.Login], level0);
        Assert.DoesNotContain(ids[neighbourGuard.Login], level0);
        Assert.DoesNotContain(ids[parkGuard.Login], level0);

        await app.SweepAsync();
        Assert.Equal(0, (await AlertAsync(alert.Id)).Level);

        app.Clock.Advance(_pastDeadline);
        await app.SweepAsync();
        var level1 = await RecipientsAsync(alert.Id);
        Assert.Equal(1, (await AlertAsync(alert.Id)).Level);
        Assert.Contains(ids[neighbourGuard.Login], level1);
        Assert.DoesNotContain(ids[parkGuard.Login], level1);
        var raised = await neighbour.RaisedAsync(alert.Id);
        Assert.Equal(1, raised.Raised!.Level);
        var escalated = await guard.WaitForAsync(m => m.Updated?.AlertId == alert.Id && m.Updated.Type == AlertEventType.Escalated);
        Assert.Equal(raised.EventId, escalated.EventId);

        app.Clock.Advance(_pastDeadline);
        await app.SweepAsync();
        var level2 = await RecipientsAsync(alert.Id);
        Assert.Equal(2, (await AlertAsync(alert.Id)).Level);
        Assert.Contains(ids[parkGuard.Login], level2);
        Assert.DoesNotContain(ids[fucheng.Login], level2);
        Assert.Null((await AlertAsync(alert.Id)).EscalateAt);

        app.Clock.Advance(_pastDeadline);
        await app.SweepAsync();
        Assert.Equal(2, (await AlertAsync(alert.Id)).Level);
        var events = await app.WithDbAsync(db => db.Set<AlertEvent>().Where(e => e.AlertId == alert.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal([AlertEventType.Raised, AlertEventType.Escalated, AlertEventType.Escalated], events);
    }

    [Fact]
    public async Task Acknowledged_DoesNotEscalate()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var alert = await (await app.ResidentAsync()).RaiseAsync(Courtyard);
        Assert.Equal(HttpStatusCode.OK, (await guard.Http.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/responses", new { status = "Acknowledged" })).StatusCode);
        app.Clock.Advance(_pastDeadline);
        await app.SweepAsync();
        var row = await AlertAsync(alert.Id);
        Assert.Equal(0, row.Level);
        Assert.NotNull(row.FirstAckAt);
    }

    [Fact]
    public async Task ConcurrentSweeps_LikeSeveralInstances_EscalateOnce()
    {
        var alert = await (await app.ResidentAsync()).RaiseAsync(Courtyard);
        app.Clock.Advance(_pastDeadline);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));
        var escalations = await app.WithDbAsync(db => db.Set<AlertEvent>().CountAsync(e => e.AlertId == alert.Id && e.Type == AlertEventType.Escalated));
        Assert.Equal(1, escalations);
        Assert.Equal(1, (await AlertAsync(alert.Id)).Level);
    }

    [Fact]
    public async Task OfflineResponder_GetsTheAlertThroughTheNotificationChannel()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var userId = await UserIdAsync(guard);
        var alert = await (await app.ResidentAsync()).RaiseAsync(Courtyard, AlertKind.Medical, "需要急救");
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == "alert" && m.RecipientMasked.EndsWith("#" + userId)).ToListAsync());
        Assert.Contains(outbox, m => m.Body.Contains("需要急救") && m.Body.Contains($"/alerts/{alert.Id}"));

        await using var console = await guard.ConnectAsync();
        var second = await (await app.ResidentAsync()).RaiseAsync(Courtyard, AlertKind.Medical, "第二次");
        await console.RaisedAsync(second.Id);
        var after = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == "alert" && m.RecipientMasked.EndsWith("#" + userId) && m.Body.Contains("第二次")));
        Assert.Equal(0, after);
    }
}
