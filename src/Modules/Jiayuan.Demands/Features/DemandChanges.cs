using Jiayuan.Demands.Features.Open311;
using Microsoft.AspNetCore.OutputCaching;

namespace Jiayuan.Demands.Features;

/// <summary>Called after every committed change to demands: drops the cached public reads (Open311 lists and details).</summary>
internal sealed class DemandChanges(IOutputCacheStore store)
{
    public Task ChangedAsync(CancellationToken ct = default) => store.EvictByTagAsync(Open311Endpoints.OutputCacheTag, ct).AsTask();
}
