namespace Jiayuan.Places.Contracts;

/// <summary>Kinds of node in the place tree (the spatial spine).</summary>
public enum PlaceKind
{
    Subdistrict,
    Community,
    Courtyard,
    Building,
    Household,
    Park,
    Block,
    OfficeBuilding,
    BusinessDistrict,
    Grid,
    MicroGrid,
    Unit,
}

/// <summary>Resettlement (农迁安置) or commercial (商业小区) compound.</summary>
public enum CourtyardType
{
    Resettlement,
    Commercial,
}

/// <summary>Kinds of unit located in the subdistrict (驻区单位).</summary>
public enum UnitKind
{
    Enterprise,
    SocialOrganization,
    School,
    Clinic,
    Government,
    Military,
    Other,
}

/// <summary>A node of the place tree as other modules see it.</summary>
public sealed record PlaceSummary(long Id, string Code, string Name, PlaceKind Kind, string Path, long? ParentId);

/// <summary>Read access to the place tree for other modules (cached; places change rarely).</summary>
public interface IPlaceDirectory
{
    Task<PlaceSummary?> FindAsync(long id, CancellationToken cancellationToken = default);
    Task<PlaceSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<PlaceSummary?> FindByPathAsync(string path, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PlaceSummary>> CommunitiesAsync(CancellationToken cancellationToken = default);
    /// <summary>Places of <paramref name="kind"/> under <paramref name="path"/>, in tree order (not cached).</summary>
    Task<IReadOnlyList<PlaceSummary>> DescendantsAsync(string path, PlaceKind kind, CancellationToken cancellationToken = default);
    /// <summary>The root (the subdistrict).</summary>
    Task<PlaceSummary> RootAsync(CancellationToken cancellationToken = default);
}

/// <summary>First-install setup of the place tree (the CLI uses it when no demo is seeded).</summary>
public interface IPlaceTreeSetup
{
    /// <summary>Returns the root, creating the subdistrict with <paramref name="code"/> and <paramref name="name"/> when the tree is empty.</summary>
    Task<PlaceSummary> EnsureRootAsync(string code, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Benchmark data: adds <paramref name="communities"/> generated communities with <paramref name="courtyardsPerCommunity"/>
    /// courtyards each under the root; returns the courtyards. Not for real data (names say "基准").
    /// </summary>
    Task<IReadOnlyList<PlaceSummary>> GenerateCityAsync(int communities, int courtyardsPerCommunity, IProgress<int>? progress, CancellationToken cancellationToken = default);
}

public static class PlaceDirectoryExtensions
{
    /// <summary>The place a "scope" query parameter names (a place code), or the subdistrict when it is empty; null when unknown.</summary>
    public static async Task<PlaceSummary?> ScopeAsync(this IPlaceDirectory places, string? code, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(code) ? await places.RootAsync(cancellationToken) : await places.FindByCodeAsync(code.Trim(), cancellationToken);
}
