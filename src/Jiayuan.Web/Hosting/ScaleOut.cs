using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Jiayuan.Web.Hosting;

/// <summary>
/// Several instances behind nginx: with <c>Redis:Connection</c> (env <c>Redis__Connection</c>) set, SignalR messages go through
/// the Redis backplane (an alert raised on instance A reaches clients of instance B) and the Data Protection keys live in Redis
/// (a cookie or bearer token issued by A is accepted by B). Without it, one instance, nothing changes.
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
        services.AddSingleton<IConnectionMultiplexer>(_ => redis);
        services.AddSignalR().AddStackExchangeRedis(o =>
        {
            // Instances of one deployment share a prefix; another deployment (or test run) on the same Redis picks its own.
            o.Configuration.ChannelPrefix = RedisChannel.Literal(configuration["Redis:ChannelPrefix"] is { Length: > 0 } prefix ? prefix : "jiayuan");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
        });
        services.AddDataProtection().SetApplicationName("Jiayuan").PersistKeysToStackExchangeRedis(redis, "jiayuan:dataprotection-keys");
        return services;
    }
}
