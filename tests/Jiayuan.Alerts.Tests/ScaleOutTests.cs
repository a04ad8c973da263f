using Jiayuan.Alerts.Contracts;

namespace Jiayuan.Alerts.Tests;

/// <summary>
/// Two app instances sharing one database (PostgreSQL when JIAYUAN_TEST_PG is set, else one SQLite file) and one real
/// redis-server: SignalR's Redis backplane carries alerts between them and the Data Protection keys in Redis make a token of
/// A valid on B. Redis comes from JIAYUAN_TEST_REDIS (scripts/test.sh starts it) or is started here from /usr/bin/redis-server.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly SharedDatabase _database = new();
    private AlertsApp _a = default!;
    private AlertsApp _b = default!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        await _database.CreateAsync();
        var connection = _database.ConnectionString;
        var prefix = "jiayuan-test-" + Guid.NewGuid().ToString("N")[..8];
        AlertsApp Instance() => (AlertsApp)new AlertsApp().With("ConnectionStrings:Jiayuan", connection).With("Redis:Connection", _redis.Endpoint)
            .With("Redis:ChannelPrefix", prefix);
        _a = Instance();
        await _a.InitializeAsync(); // migrates and seeds the shared database
        _b = Instance();
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task RaisedOnA_ReachesB_AndAClientMovedFromAToB_ResumesWithoutMissingAnything()
    {
        var guardOnA = await _a.ResponderAsync(Known.Xinyuan, "新园联防队");
        var team = await _a.ResponderAsync(Known.Xinyuan, "新园联防队");
        var resident = await _a.ResidentAsync();

        // The token issued by A works on B: the Data Protection keys are shared through Redis.
        await using var onB = await team.ConnectAsync(_b.ServerAddress);
        var onA = await guardOnA.ConnectAsync(_a.ServerAddress);

        var first = await resident.RaiseAsync(Known.Xinyuan + "-01", AlertKind.Fight, "A 上报");
        await onB.RaisedAsync(first.Id);
        await onA.RaisedAsync(first.Id);
        var last = onA.LastEventId;

        // A stops; the guard's client moves to B. Meanwhile B carries on.
        await onA.DisposeAsync();
        await _a.DisposeAsync();
        var residentOnB = new Person(resident.Login, await _b.SignInAsync(resident.Login), resident.Token, _b);
        var second = await residentOnB.RaiseAsync(Known.Xinyuan + "-02", AlertKind.Fire, "B 上报");
        var teamOnB = new Person(team.Login, await _b.SignInAsync(team.Login), team.Token, _b);
        var ack = await teamOnB.Http.PostAsJsonAsync($"/api/v1/alerts/{first.Id}/responses", new { status = "OnMyWay", etaMinutes = 2 });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await onB.RaisedAsync(second.Id);

        var guardOnB = new Person(guardOnA.Login, await _b.SignInAsync(guardOnA.Login), guardOnA.Token, _b);
        await using var moved = await guardOnB.ConnectAsync(_b.ServerAddress);
        var missed = await moved.ResumeAsync(last);
        Assert.Equal([$"{second.Id}:Raised", $"{first.Id}:OnMyWay"],
            missed.Select(m => m.Raised is { } r ? $"{r.Id}:Raised" : $"{m.Updated!.AlertId}:{m.Updated.Type}"));
        Assert.Equal(missed.Select(m => m.EventId).Order(), missed.Select(m => m.EventId));
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }
}
