using Microsoft.Extensions.FileProviders;

namespace Jiayuan.Web.Hosting;

/// <summary>
/// Serves the npm libraries at /lib/{name}: from clientlib/ beside the executable (build and publish output), else from
/// ClientLib/node_modules under the content root (tests run from their own output folder).
/// </summary>
internal static class ClientLibraries
{
    private static readonly (string Name, string Dist)[] All = [("leaflet", "leaflet/dist"), ("echarts", "echarts/dist")];

    public static WebApplication UseClientLibraries(this WebApplication app)
    {
        foreach (var (name, dist) in All)
        {
            var dir = new[] { Path.Combine(AppContext.BaseDirectory, "clientlib", name), Path.Combine(app.Environment.ContentRootPath, "ClientLib", "node_modules", dist) }
                .FirstOrDefault(Directory.Exists);
            if (dir is null)
            {
                app.Logger.LogWarning("Client library {Name} not found (run a build: it restores ClientLib with npm ci)", name);
                continue;
            }
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(dir), RequestPath = "/lib/" + name });
        }
        return app;
    }
}

/// <summary>The map tile source (Maps:TileUrl, WGS-84 tiles; OpenStreetMap by default).</summary>
internal static class MapTiles
{
    public const string DefaultUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The origin the CSP must allow images from: "https://tile.openstreetmap.org", or "https://*.host" for a {s} subdomain template.</summary>
    public static string Origin(IConfiguration configuration)
    {
        var template = configuration["Maps:TileUrl"] ?? DefaultUrl;
        var wildcard = template.Contains("{s}.", StringComparison.Ordinal);
        if (!Uri.TryCreate(template.Replace("{s}.", "", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "";
        }
        return $"{uri.Scheme}://{(wildcard ? "*." : "")}{uri.Authority}";
    }
}
