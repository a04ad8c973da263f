using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Jiayuan.Alerts.Features.Console;

/// <summary>
/// The map of the console and SOS pages (Leaflet, served at /lib/leaflet): tile source and start point from configuration
/// (<c>Maps:TileUrl</c>, <c>Maps:Attribution</c>, <c>Maps:CenterLatitude</c>, <c>Maps:CenterLongitude</c>, WGS-84 tiles),
/// as the data attributes wwwroot/alerts.js reads. The CSP allows the tile origin (Jiayuan.Web).
/// </summary>
internal static class MapSettings
{
    public static Dictionary<string, object> Attributes(IConfiguration configuration) => new()
    {
        ["data-tiles"] = configuration["Maps:TileUrl"] ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        ["data-attribution"] = configuration["Maps:Attribution"] ?? "© OpenStreetMap contributors",
        ["data-lat"] = configuration["Maps:CenterLatitude"] ?? "30.6050",
        ["data-lng"] = configuration["Maps:CenterLongitude"] ?? "104.0520",
    };

    /// <summary>A coordinate as the script parses it (invariant culture, round-trip).</summary>
    public static string? Coordinate(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
