using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Places.Data;

internal sealed class PlaceTreeSetup(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory directory, TimeProvider clock) : IPlaceTreeSetup
{
    public async Task<PlaceSummary> EnsureRootAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Place>().AnyAsync(p => p.ParentId == null, cancellationToken))
        {
            var now = clock.GetUtcNow();
            db.Add(new Place
            {
                Code = code, Name = name, Kind = PlaceKind.Subdistrict, Path = "/" + code, Depth = 0,
                CodeSource = code.Length == 9 && code.All(char.IsAsciiDigit) ? "NBS" : "generated", VersionYear = now.Year, CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            PlaceDirectory.Invalidate();
        }
        return await directory.RootAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PlaceSummary>> GenerateCityAsync(int communities, int courtyardsPerCommunity, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var root = await directory.RootAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var courtyards = new List<PlaceSummary>(communities * courtyardsPerCommunity);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var c = 0; c < communities; c++)
        {
            var segment = "X" + c.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var community = new Place
            {
                Code = root.Code + "-" + segment, Name = $"基准社区{c + 1}", Kind = PlaceKind.Community, Path = root.Path + "/" + segment, Depth = 1,
                ParentId = root.Id, CreatedAt = now, VersionYear = now.Year, CodeSource = "generated",
            };
            db.Add(community);
            await db.SaveChangesAsync(cancellationToken);
            var yards = Enumerable.Range(1, courtyardsPerCommunity).Select(i => new Place
            {
                Code = community.Code + "-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Name = $"基准院落{c + 1}-{i}",
                Kind = PlaceKind.Courtyard, Path = community.Path + "/" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Depth = 2,
                ParentId = community.Id, CreatedAt = now, VersionYear = now.Year, CodeSource = "generated",
            }).ToList();
            db.AddRange(yards);
            await db.SaveChangesAsync(cancellationToken);
            courtyards.AddRange(yards.Select(y => y.ToSummary()));
            db.ChangeTracker.Clear();
            progress?.Report(c + 1);
        }
        PlaceDirectory.Invalidate();
        return courtyards;
    }
}
