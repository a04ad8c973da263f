using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Places.Features.CommunityHome;

/// <summary>Counts of what lies under a place, in one grouped range scan over the path index.</summary>
internal sealed record CommunityStats(int Courtyards, int Buildings, int Households, int Units)
{
    public static async Task<CommunityStats> LoadAsync(JiayuanDbContext db, string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var counts = await db.Set<Place>().AsNoTracking()
            .Where(p => string.Compare(p.Path, from) >= 0 && string.Compare(p.Path, to) < 0)
            .GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new CommunityStats(counts.GetValueOrDefault(PlaceKind.Courtyard), counts.GetValueOrDefault(PlaceKind.Building),
            counts.GetValueOrDefault(PlaceKind.Household), counts.GetValueOrDefault(PlaceKind.Unit));
    }
}
