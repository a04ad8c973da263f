using System.Text.Json;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using StackExchange.Redis;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>
/// Two instances on one database and a real redis-server: what one instance drops from its caches, the other drops too —
/// the Open311 output cache (a tag) and the in-memory catalogue (a cache signal) — instead of serving stale data until expiry.
/// </summary>
[Collection(nameof(ScaleOutCollection))]
public sealed class ScaleOutCacheTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly SharedDatabase _database = new();
    private readonly string _prefix = "jiayuan-test-" + Guid.NewGuid().ToString("N")[..8];
    private JiayuanApp _a = default!;
    private JiayuanApp _b = default!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        await _database.CreateAsync();
        JiayuanApp Instance() => new JiayuanApp().With("ConnectionStrings:Jiayuan", _database.ConnectionString)
            .With("Redis:Connection", _redis.Endpoint).With("Redis:ChannelPrefix", _prefix);
        _a = Instance();
        await _a.InitializeAsync(); // migrates and seeds the shared database
        _b = Instance();
        await _b.InitializeAsync();
    }

    /// <summary>Polls <paramref name="read"/> on B for up to 5 s: invalidations travel asynchronously, in milliseconds.</summary>
    private static async Task<string> EventuallyAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var text = await read();
        for (var i = 0; i < 50 && !done(text); i++)
        {
            await Task.Delay(100);
            text = await read();
        }
        return text;
    }

    [Fact]
    public async Task A_DemandSubmittedOnA_ShowsInBsCachedOpen311List_AtOnce()
    {
        const string url = "/open311/v2/requests.json?service_code=NOISE";
        var onB = _b.Anonymous();
        var before = await onB.GetStringAsync(url);
        Assert.Equal(before, await onB.GetStringAsync(url)); // cached on B now (5 minutes unless evicted)

        var resident = await _a.LoginAsync(Known.Resident);
        var id = (await SubmitAsync(resident, new { category = "NOISE", description = "两个实例之间的缓存", address = "府城" })).GetProperty("id").GetInt64();
        var after = await EventuallyAsync(() => onB.GetStringAsync(url), t => t.Contains($"\"{id}\"", StringComparison.Ordinal));
        Assert.Contains($"\"service_request_id\":\"{id}\"", after.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogueInvalidations_AreSentToRedis_AndThoseFromOtherInstancesDropBsCatalogue()
    {
        // Sending: an admin's change on A puts the catalogue's signal on the channel.
        await using var listener = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await listener.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_prefix + ":cache"), (_, m) =>
        {
            if (m.ToString().EndsWith("|signal:demands:catalogue", StringComparison.Ordinal))
            {
                heard.TrySetResult(m.ToString());
            }
        });
        var admin = await _a.LoginAsync(Known.SubdistrictAdmin);
        var created = await admin.PostAsJsonAsync("/api/v1/demands/categories", new { code = "SCALE-A", name = "实例A新增", group = "测试", defaultType = "Help", defaultUrgency = "Normal" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        // Receiving: B's catalogue is cached; a row written behind its back stays unseen until another instance's signal arrives.
        var onB = _b.Anonymous();
        Assert.DoesNotContain("SCALE-B", await onB.GetStringAsync("/open311/v2/services.json"), StringComparison.Ordinal);
        await _b.WithDbAsync(db =>
        {
            db.Add(new Category { Code = "SCALE-B", Name = "库中新增", Group = "测试", DefaultType = DemandType.Help, DefaultUrgency = Urgency.Normal });
            return db.SaveChangesAsync();
        });
        Assert.DoesNotContain("SCALE-B", await onB.GetStringAsync("/open311/v2/services.json"), StringComparison.Ordinal);
        await listener.GetSubscriber().PublishAsync(RedisChannel.Literal(_prefix + ":cache"), "another-instance|signal:demands:catalogue");
        Assert.Contains("SCALE-B", await EventuallyAsync(() => onB.GetStringAsync("/open311/v2/services.json"), t => t.Contains("SCALE-B", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// Cache signals are static, so the other tests' writes (run in parallel) would drop B's entries too and hide whether Redis
/// carried the signal: these tests run alone.
/// </summary>
[CollectionDefinition(nameof(ScaleOutCollection), DisableParallelization = true)]
public sealed class ScaleOutCollection;
