using Jiayuan.Core.Caching;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Jiayuan.Demands.Features.Submit;

/// <summary>The unit (lead and co-units) a demand goes to.</summary>
internal sealed record Route(string HandlerPath, string HandlerName, IReadOnlyList<string> CoHandlerNames, string How, IReadOnlyList<string>? CoHandlerPaths = null);

/// <summary>
/// Picks the responsible unit: the most specific routing rule (category × place subtree; a rule for the category beats a
/// rule for every category at the same depth), else the category's default unit, else the community of the place (属地),
/// else the fallback owner (兜底: the subdistrict unless configured).
/// </summary>
internal sealed class DemandRouter(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, IMemoryCache cache, IOptions<DemandOptions> options)
{
    private static readonly CacheSignal Signal = new("demands:catalogue");

    public static void Invalidate() => Signal.Invalidate();

    public sealed record Catalogue(IReadOnlyDictionary<string, Category> ByCode, IReadOnlyDictionary<long, Category> ById, IReadOnlyList<RoutingRule> Rules);

    public async Task<Catalogue> CatalogueAsync(CancellationToken ct) =>
        (await Signal.GetOrLoadAsync(cache, "demands:catalogue", TimeSpan.FromMinutes(5), async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var categories = await db.Set<Category>().AsNoTracking().ToListAsync(ct);
            var rules = await db.Set<RoutingRule>().AsNoTracking().ToListAsync(ct);
            return new Catalogue(categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase), categories.ToDictionary(c => c.Id), rules);
        }))!;

    public async Task<Route> RouteAsync(Category category, PlaceSummary? place, string communityPath, CancellationToken ct)
    {
        var catalogue = await CatalogueAsync(ct);
        if (place is not null)
        {
            var rule = catalogue.Rules
                .Where(r => (r.CategoryId is null || r.CategoryId == category.Id) && Scope.IsWithin(place.Path, r.PlacePath))
                .OrderByDescending(r => r.PlacePath.Length).ThenByDescending(r => r.CategoryId is not null).FirstOrDefault();
            if (rule is not null && await places.FindByPathAsync(rule.HandlerPath, ct) is { } handler)
            {
                var co = new List<PlaceSummary>();
                foreach (var path in (rule.CoHandlerPaths ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (await places.FindByPathAsync(path, ct) is { } coUnit)
                    {
                        co.Add(coUnit);
                    }
                }
                return new Route(handler.Path, handler.Name, [.. co.Select(c => c.Name)], "rule", [.. co.Select(c => c.Path)]);
            }
        }
        if (category.DefaultHandlerPath is { } defaultPath && await places.FindByPathAsync(defaultPath, ct) is { } byCategory)
        {
            return new Route(byCategory.Path, byCategory.Name, [], "category");
        }
        var root = await places.RootAsync(ct);
        if (communityPath != root.Path && await places.FindByPathAsync(communityPath, ct) is { } community)
        {
            return new Route(community.Path, community.Name, [], "community");
        }
        var fallback = options.Value.FallbackHandlerPath is { Length: > 0 } f ? await places.FindByPathAsync(f, ct) : null;
        fallback ??= root;
        return new Route(fallback.Path, fallback.Name, [], "fallback");
    }

    /// <summary>The community a place belongs to, or the subdistrict when the place is above or outside communities.</summary>
    public async Task<string> CommunityPathAsync(PlaceSummary? place, CancellationToken ct)
    {
        if (place is not null)
        {
            foreach (var path in TreePath.Ancestors(place.Path).Reverse())
            {
                if (await places.FindByPathAsync(path, ct) is { Kind: PlaceKind.Community } community)
                {
                    return community.Path;
                }
            }
        }
        return (await places.RootAsync(ct)).Path;
    }
}
