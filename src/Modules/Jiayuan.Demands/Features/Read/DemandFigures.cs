using Jiayuan.Core.Data;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Demands.Features.Read;

internal sealed class DemandFigures(IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock) : IDemandFigures
{
    public async Task<(int Open, int Overdue)> OpenUnderAsync(string placePath, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = db.Set<Demand>().InCommunitiesUnder(placePath).Where(d => d.Status != DemandStatus.Closed);
        return (await open.CountAsync(cancellationToken), await open.CountAsync(d => d.Deadline < now && d.Status != DemandStatus.Replied && d.Status != DemandStatus.Returned, cancellationToken));
    }
}
