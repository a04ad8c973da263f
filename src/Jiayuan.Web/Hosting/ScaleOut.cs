using Jiayuan.Core.Caching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Jiayuan.Web.Hosting;

/// <summary>
/// Several instances behind nginx: with <c>Redis:Connection</c> (env <c>Redis__Connection</c>) set, SignalR messages go through
/// the Redis backplane (an alert raised on instance A reaches clients of instance B), the Data Protection keys live in Redis
/// (a cookie or bearer token issued by A is accepted by B), and cache invalidations travel between instances
/// (<see cref="RedisCacheBus"/>). Without it, one instance, nothing changes.
/// </summary>
internal static class ScaleOut
{
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration["Redis:Connection"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return services;
        }
        var redis = ConnectionMultiplexer.Connect(connection);
        // Instances of one deployment share a prefix; another deployment (or test run) on the same Redis picks its own.
        var prefix = configuration["Redis:ChannelPrefix"] is { Length: > 0 } p ? p : "jiayuan";
        services.AddSingleton<IConnectionMultiplexer>(_ => redis);
        services.AddSignalR().AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
        });
        services.AddDataProtection().SetApplicationName("Jiayuan").PersistKeysToStackExchangeRedis(redis, "jiayuan:dataprotection-keys");
        services.AddSingleton(sp => new RedisCacheBus(redis, sp.GetRequiredService<IOutputCacheStore>(), prefix, sp.GetRequiredService<ILogger<RedisCacheBus>>()));
        services.AddSingleton<ICacheBus>(sp => sp.GetRequiredService<RedisCacheBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisCacheBus>());
        return services;
    }
}

/// <summary>
/// Carries cache invalidations between instances over a Redis channel: a <see cref="CacheSignal"/> invalidated here (a routing
/// rule, a place, a notice changed) and an output-cache tag evicted here (the Open311 lists, the home pages) are dropped by every
/// other instance within milliseconds, instead of when their entries expire. Each message names its sender, which ignores it.
/// </summary>
internal sealed class RedisCacheBus(IConnectionMultiplexer redis, IOutputCacheStore store, string prefix, ILogger<RedisCacheBus> log) : ICacheBus, IHostedService
{
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(prefix + ":cache");
    private IDisposable? _signals;

    public async ValueTask EvictTagAsync(string tag, CancellationToken ct = default)
    {
        await store.EvictByTagAsync(tag, ct);
        Publish("tag:" + tag);
    }

    private void Publish(string what) => redis.GetSubscriber().Publish(_channel, _instance + "|" + what, CommandFlags.FireAndForget);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(async message => await ReceiveAsync(message.Message.ToString()));
        _signals = CacheSignal.Connect(name => Publish("signal:" + name));
    }

    private async Task ReceiveAsync(string message)
    {
        var bar = message.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || message.AsSpan(0, bar).SequenceEqual(_instance))
        {
            return;
        }
        var what = message[(bar + 1)..];
        try
        {
            if (what.StartsWith("signal:", StringComparison.Ordinal))
            {
                CacheSignal.InvalidateHere(what["signal:".Length..]);
            }
            else if (what.StartsWith("tag:", StringComparison.Ordinal))
            {
                await store.EvictByTagAsync(what["tag:".Length..], CancellationToken.None);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            log.LogDebug(e, "Cache invalidation {What} arrived while shutting down.", what);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _signals?.Dispose();
        await redis.GetSubscriber().UnsubscribeAsync(_channel);
    }
}
