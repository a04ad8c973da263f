using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Jiayuan.Core.Caching;

/// <summary>
/// A named generation of cached entries: everything cached under a signal is dropped at once by <see cref="Invalidate"/>.
/// Used by modules to keep hot reads in memory and drop them on their own writes.
/// </summary>
public sealed class CacheSignal
{
    private CancellationTokenSource _generation = new();

    public void Invalidate()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
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
