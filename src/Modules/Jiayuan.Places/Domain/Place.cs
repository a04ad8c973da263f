using Jiayuan.Places.Contracts;

namespace Jiayuan.Places.Domain;

/// <summary>A node of the place tree. <see cref="Path"/> is the materialized path of segment codes, indexed for prefix scans.</summary>
internal sealed class Place
{
    public long Id { get; set; }
    public long? ParentId { get; set; }
    /// <summary>Statistical code (12-digit NBS for communities) or a generated code, unique.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PlaceKind Kind { get; set; }
    public required string Path { get; set; }
    public int Depth { get; set; }
    public CourtyardType? CourtyardType { get; set; }
    public UnitKind? UnitKind { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    /// <summary>WGS-84.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Where the code comes from: "NBS" or "generated" (demo codes say so).</summary>
    public string CodeSource { get; set; } = "generated";
    public int VersionYear { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public PlaceSummary ToSummary() => new(Id, Code, Name, Kind, Path, ParentId);

    /// <summary>Path of a child with local segment <paramref name="segment"/>.</summary>
    public string ChildPath(string segment) => Path + "/" + segment;
}
