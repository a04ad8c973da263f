using Jiayuan.Core.Caching;
using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jiayuan.Places.Data;

/// <summary>Cached read access to places for other modules. Writes in this module call <see cref="Invalidate"/>.</summary>
internal sealed class PlaceDirectory(IDbContextFactory<JiayuanDbContext> factory, IMemoryCache cache) : IPlaceDirectory
{
    private static readonly TimeSpan _ttl = TimeSpan.FromMinutes(10);
    private static readonly CacheSignal _signal = new("places");

    public static void Invalidate() => _signal.Invalidate();

    public Task<PlaceSummary?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        GetAsync("places:id:" + id, q => q.Where(p => p.Id == id), cancellationToken);

    public Task<PlaceSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        GetAsync("places:code:" + code, q => q.Where(p => p.Code == code), cancellationToken);

    public Task<PlaceSummary?> FindByPathAsync(string path, CancellationToken cancellationToken = default) =>
        GetAsync("places:path:" + path, q => q.Where(p => p.Path == path), cancellationToken);

    public async Task<IReadOnlyList<PlaceSummary>> CommunitiesAsync(CancellationToken cancellationToken = default) =>
        await _signal.GetOrLoadAsync<IReadOnlyList<PlaceSummary>>(cache, "places:communities", _ttl, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await Project(db.Set<Place>().AsNoTracking().Where(p => p.Kind == PlaceKind.Community).OrderBy(p => p.SortOrder).ThenBy(p => p.Code))
                .ToListAsync(cancellationToken);
        }) ?? [];

    public async Task<IReadOnlyList<PlaceSummary>> DescendantsAsync(string path, PlaceKind kind, CancellationToken cancellationToken = default)
    {
        var (from, to) = TreePath.Descendants(path);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Set<Place>().AsNoTracking()
                .Where(p => p.Kind == kind && string.Compare(p.Path, from) >= 0 && string.Compare(p.Path, to) < 0)
                .OrderBy(p => p.Path))
            .ToListAsync(cancellationToken);
    }

    public async Task<PlaceSummary> RootAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("places:root", q => q.Where(p => p.ParentId == null).OrderBy(p => p.Id), cancellationToken)
        ?? throw new InvalidOperationException("The place tree has no root; run 'seed demo' or create the subdistrict.");

    private Task<PlaceSummary?> GetAsync(string key, Func<IQueryable<Place>, IQueryable<Place>> filter, CancellationToken ct) =>
        _signal.GetOrLoadAsync(cache, key, _ttl, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await Project(filter(db.Set<Place>().AsNoTracking())).FirstOrDefaultAsync(ct);
        });

    private static IQueryable<PlaceSummary> Project(IQueryable<Place> q) =>
        q.Select(p => new PlaceSummary(p.Id, p.Code, p.Name, p.Kind, p.Path, p.ParentId));
}
