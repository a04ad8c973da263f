using Jiayuan.Core.Data;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Data;

/// <summary>
/// Keeps <see cref="PartyOrganization.MemberCount"/> in step, so statistics of a node sum a few thousand organization rows
/// instead of counting a million members. Every code path that adds or moves members calls <see cref="RefreshAsync"/>
/// for the organizations it touched (one UPDATE with a correlated count).
/// </summary>
internal static class OrgCounters
{
    public static async Task<int> RefreshAsync(JiayuanDbContext db, IReadOnlyCollection<long> organizationIds, CancellationToken ct)
    {
        if (organizationIds.Count == 0)
        {
            return 0;
        }
        var updated = await db.Set<PartyOrganization>().Where(o => organizationIds.Contains(o.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.MemberCount, o => db.Set<PartyMember>().Count(m => m.OrganizationId == o.Id)), ct);
        Features.Stats.PartyStatistics.Signal.Invalidate();
        return updated;
    }
}
