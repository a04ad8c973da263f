using Jiayuan.Alerts.Contracts;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Jiayuan.Alerts.Tests;

/// <summary>The hub through the real SignalR .NET client over WebSockets against the app on Kestrel.</summary>
public class HubTests(AlertsApp app)
{
    private const string Courtyard = Known.Xinyuan + "-01";
    private const string Building = Known.Xinyuan + "-01-1";

    [Fact]
    public async Task Connect_WithoutToken_IsRefused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(app.ServerAddress, "/hubs/alerts")).Build();
        var e = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
    }

    [Fact]
    public async Task Raise_ReachesOnDutyRespondersCoveringThePlace_NotOffDutyNorOtherCommunity()
    {
        var courtyardGuard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var communityTeam = await app.ResponderAsync(Known.Xinyuan, "新园联防队");
        var offDuty = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", DutyStatus.OffDuty, areaCodes: Courtyard);
        var fucheng = await app.ResponderAsync(Known.Fucheng, "府城联防队");
        await using var c1 = await courtyardGuard.ConnectAsync();
        await using var c2 = await communityTeam.ConnectAsync();
        await using var c3 = await offDuty.ConnectAsync();
        await using var c4 = await fucheng.ConnectAsync();

        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Building, AlertKind.Theft, "电瓶车被盗");
        var got = await c1.RaisedAsync(alert.Id);
        Assert.Equal(alert.EventId, got.EventId);
        Assert.Equal("电瓶车被盗", got.Raised!.Text);
        await c2.RaisedAsync(alert.Id);

        // A later alert of 府城 reaches the 府城 responder; messages of one connection arrive in order, so by then the 府城
        // responder would have had the 新园 alert, and the off-duty guard too.
        var fuchengAlert = await (await app.ResidentAsync()).RaiseAsync(Known.Fucheng + "-01");
        await c4.RaisedAsync(fuchengAlert.Id);
        Assert.False(c4.Got(alert.Id));
        var sentinel = await (await app.ResidentAsync()).RaiseAsync(Known.Xinyuan);
        await c1.RaisedAsync(sentinel.Id);
        await c2.RaisedAsync(sentinel.Id);
        Assert.False(c3.Got(alert.Id));
        Assert.False(c1.Got(fuchengAlert.Id));
        Assert.False(c2.Got(fuchengAlert.Id));
    }

    [Fact]
    public async Task Respond_EveryoneOnTheAlertSeesItLive_RaiserSeesWhoIsComing()
    {
        var a = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var b = await app.ResponderAsync(Known.Xinyuan, "新园联防队");
        var resident = await app.ResidentAsync();
        await using var ca = await a.ConnectAsync();
        await using var cb = await b.ConnectAsync();
        await using var cr = await resident.ConnectAsync();
        var alert = await resident.RaiseAsync(Courtyard, AlertKind.Medical, "老人晕倒");
        await ca.RaisedAsync(alert.Id);
        await cr.RaisedAsync(alert.Id);

        var ack = await ca.Connection.InvokeAsync<AlertUpdate>("Acknowledge", alert.Id);
        Assert.Equal(AlertEventType.Acknowledged, ack.Type);
        var seen = await cb.WaitForAsync(m => m.Updated?.EventId == ack.EventId);
        Assert.Equal("锦绣物业", seen.Updated!.Unit);
        var way = await cb.Connection.InvokeAsync<AlertUpdate>("Respond", alert.Id, ResponseStatus.OnMyWay, 5, null);
        var raiserSees = await cr.WaitForAsync(m => m.Updated?.EventId == way.EventId);
        Assert.Equal(5, raiserSees.Updated!.EtaMinutes);
        Assert.Equal("新园联防队", raiserSees.Updated.Unit);
        await ca.WaitForAsync(m => m.Updated?.EventId == way.EventId);

        var refused = await Assert.ThrowsAsync<HubException>(() => cr.Connection.InvokeAsync<AlertUpdate>("Acknowledge", alert.Id));
        Assert.Contains("scope", refused.Message);
    }

    [Fact]
    public async Task Watch_OutsideScope_IsRefused_InsideScope_SeesAlerts()
    {
        var worker = await app.PersonAsync(Known.XinyuanWorker);
        var fucheng = await app.PlaceIdAsync(Known.Fucheng);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        await using var console = await worker.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => console.Connection.InvokeAsync("Watch", fucheng));
        await console.Connection.InvokeAsync("Watch", xinyuan);
        var resident = await app.ResidentAsync();
        var alert = await resident.RaiseAsync(Courtyard);
        await console.RaisedAsync(alert.Id);

        var responderOfXinyuan = await app.ResponderAsync(Known.Xinyuan, "新园联防队");
        await using var rc = await responderOfXinyuan.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => rc.Connection.InvokeAsync("Watch", fucheng));
        var resid = await resident.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => resid.Connection.InvokeAsync("Watch", xinyuan));
        await resid.DisposeAsync();
    }

    [Fact]
    public async Task Resume_AfterDisconnect_ReplaysMissedEventsExactlyOnceInOrder()
    {
        var guard = await app.ResponderAsync(Known.Xinyuan, "锦绣物业", areaCodes: Courtyard);
        var other = await app.ResponderAsync(Known.Xinyuan, "新园联防队");
        var resident = await app.ResidentAsync();
        var console = await guard.ConnectAsync();
        var first = await resident.RaiseAsync(Courtyard);
        await console.RaisedAsync(first.Id);
        var last = console.LastEventId;
        await console.DisposeAsync();

        // While the guard is away: a response on the first alert, two new alerts, a response on one.
        await other.Http.PostAsJsonAsync($"/api/v1/alerts/{first.Id}/responses", new { status = "OnMyWay", etaMinutes = 4 });
        var second = await resident.RaiseAsync(Courtyard, AlertKind.Fire);
        var third = await (await app.ResidentAsync()).RaiseAsync(Building, AlertKind.SuspiciousPerson);
        await other.Http.PostAsJsonAsync($"/api/v1/alerts/{third.Id}/responses", new { status = "Acknowledged" });
        var unrelated = await (await app.ResidentAsync()).RaiseAsync(Known.Fucheng + "-01");

        await using var again = await guard.ConnectAsync();
        var missed = await again.ResumeAsync(last);
        Assert.Equal(missed.Select(m => m.EventId).Order(), missed.Select(m => m.EventId));
        Assert.Equal(missed.Count, missed.Select(m => m.EventId).Distinct().Count());
        Assert.All(missed, m => Assert.True(m.EventId > last));
        Assert.DoesNotContain(missed, m => m.Raised?.Id == unrelated.Id);
        var mine = missed.Where(m => (m.Raised?.Id ?? m.Updated!.AlertId) is var id && (id == first.Id || id == second.Id || id == third.Id)).ToList();
        Assert.Equal(
            [$"{first.Id}:OnMyWay", $"{second.Id}:Raised", $"{third.Id}:Raised", $"{third.Id}:Acknowledged"],
            mine.Select(m => m.Raised is { } r ? $"{r.Id}:Raised" : $"{m.Updated!.AlertId}:{m.Updated.Type}"));
        // Calling it again with the new last id returns nothing: each event once.
        Assert.Empty(await again.ResumeAsync(again.LastEventId));
    }

    [Fact]
    public async Task Resume_ForAWatchingConsole_ReplaysTheWatchedPlacesAlerts()
    {
        var worker = await app.PersonAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var console = await worker.ConnectAsync();
        await console.Connection.InvokeAsync("Watch", xinyuan);
        var first = await (await app.ResidentAsync()).RaiseAsync(Courtyard);
        await console.RaisedAsync(first.Id);
        var last = console.LastEventId;
        await console.DisposeAsync();

        var missed = await (await app.ResidentAsync()).RaiseAsync(Building, AlertKind.Theft, "离线期间");
        var elsewhere = await (await app.ResidentAsync()).RaiseAsync(Known.Fucheng + "-01");
        await using var again = await worker.ConnectAsync();
        await again.Connection.InvokeAsync("Watch", xinyuan);
        var items = await again.ResumeAsync(last);
        Assert.Contains(items, i => i.Raised?.Id == missed.Id);
        Assert.DoesNotContain(items, i => i.Raised?.Id == elsewhere.Id || i.Updated?.AlertId == elsewhere.Id);
        Assert.Equal(items.Select(i => i.EventId).Order(), items.Select(i => i.EventId));
    }
}
