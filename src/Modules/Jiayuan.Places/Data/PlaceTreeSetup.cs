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
}
