using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Jiayuan.Core.Caching;

/// <summary>
/// A named generation of cached entries: everything cached under a signal is dropped at once by <see cref="Invalidate"/>.
/// Used by modules to keep hot reads in memory and drop them on their own writes. With several instances (Redis set), the
/// name travels to the other instances (<see cref="ICacheBus"/>), which drop their entries too.
/// </summary>
public sealed class CacheSignal
{
    private static readonly ConcurrentDictionary<string, CacheSignal> Named = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Action<string>, byte> Broadcasts = new();
    private CancellationTokenSource _generation = new();

    /// <param name="name">Unique in the process (e.g. <c>demands:catalogue</c>): the other instances find the signal by it.</param>
    public CacheSignal(string name)
    {
        if (!Named.TryAdd(name, this))
        {
            throw new InvalidOperationException($"A cache signal named '{name}' exists already.");
        }
        Name = name;
    }

    public string Name { get; }

    /// <summary>Drops this instance's entries and tells the other instances to drop theirs.</summary>
    public void Invalidate()
    {
        InvalidateHere();
        foreach (var broadcast in Broadcasts.Keys)
        {
            broadcast(Name);
        }
    }

    private void InvalidateHere()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    /// <summary>Another instance invalidated <paramref name="name"/>: drop the entries here, without telling anyone.</summary>
    public static bool InvalidateHere(string name)
    {
        if (!Named.TryGetValue(name, out var signal))
        {
            return false;
        }
        signal.InvalidateHere();
        return true;
    }

    /// <summary>Sends every local invalidation to <paramref name="broadcast"/> until the returned handle is disposed.</summary>
    public static IDisposable Connect(Action<string> broadcast)
    {
        Broadcasts[broadcast] = 0;
        return new Disconnect(broadcast);
    }

    private sealed class Disconnect(Action<string> broadcast) : IDisposable
    {
        public void Dispose() => Broadcasts.TryRemove(broadcast, out _);
    }

    /// <summary>Returns the cached value or loads, caches (for <paramref name="ttl"/>, until invalidated) and returns it. Nulls are not cached.</summary>
    public async Task<T?> GetOrLoadAsync<T>(IMemoryCache cache, string key, TimeSpan ttl, Func<Task<T?>> load)
    {
        if (cache.TryGetValue(key, out T? value))
        {
            return value;
        }
        var token = new CancellationChangeToken(_generation.Token);
        value = await load();
        if (value is not null)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = value;
            entry.AbsoluteExpirationRelativeToNow = ttl;
            entry.AddExpirationToken(token);
        }
        return value;
    }
}

/// <summary>
/// Tells the other instances of a deployment to drop what this one dropped: output-cache tags here (cache signals travel on
/// their own, see <see cref="CacheSignal.Connect"/>). Without Redis there are no other instances and nothing is sent.
/// </summary>
public interface ICacheBus
{
    /// <summary>Evicts <paramref name="tag"/> from this instance's output cache and from the others'.</summary>
    ValueTask EvictTagAsync(string tag, CancellationToken ct = default);
}

/// <summary>One instance: evicting here is all there is.</summary>
internal sealed class LocalCacheBus(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore store) : ICacheBus
{
    public ValueTask EvictTagAsync(string tag, CancellationToken ct = default) => store.EvictByTagAsync(tag, ct);
}
