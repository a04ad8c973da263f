namespace Jiayuan.Places.Contracts;

/// <summary>Resource keys (English) for place kinds, so every page names them the same way.</summary>
public static class PlaceLabels
{
    public static string Kind(PlaceKind kind) => kind switch
    {
        PlaceKind.Subdistrict => "Subdistrict",
        PlaceKind.Community => "Community",
        PlaceKind.Courtyard => "Courtyard",
        PlaceKind.Building => "Building",
        PlaceKind.Household => "Household",
        PlaceKind.Park => "Park",
        PlaceKind.Block => "Block",
        PlaceKind.OfficeBuilding => "Office building",
        PlaceKind.BusinessDistrict => "Business district",
        PlaceKind.Grid => "Grid",
        PlaceKind.MicroGrid => "Micro-grid",
        _ => "Unit",
    };

    public static string Courtyard(CourtyardType type) => type == CourtyardType.Resettlement ? "Resettlement compound" : "Commercial compound";

    public static string Unit(UnitKind kind) => kind switch
    {
        UnitKind.Enterprise => "Enterprise",
        UnitKind.SocialOrganization => "Social organization",
        UnitKind.School => "School",
        UnitKind.Clinic => "Clinic",
        UnitKind.Government => "Government",
        UnitKind.Military => "Military",
        _ => "Other unit",
    };
}
