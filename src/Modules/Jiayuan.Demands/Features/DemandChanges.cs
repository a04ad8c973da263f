using Jiayuan.Core.Caching;
using Jiayuan.Demands.Features.Open311;

namespace Jiayuan.Demands.Features;

/// <summary>Called after every committed change to demands: drops the cached public reads (Open311 lists and details) on every instance.</summary>
internal sealed class DemandChanges(ICacheBus bus)
{
    public Task ChangedAsync(CancellationToken ct = default) => bus.EvictTagAsync(Open311Endpoints.OutputCacheTag, ct).AsTask();
}
