using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jiayuan.Core.Http;

/// <summary>Security headers on every response. The CSP allows only our own scripts and styles (Blazor's enhanced navigation needs no inline script).</summary>
public static class SecurityHeaders
{
    private const string CspFormat = "default-src 'self'; img-src 'self' data: blob:{0}; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <param name="app">The pipeline.</param>
    /// <param name="imageOrigins">Extra origins images may come from (the map's tile server).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, params string[] imageOrigins)
    {
        var csp = string.Format(System.Globalization.CultureInfo.InvariantCulture, CspFormat, string.Concat(imageOrigins.Select(o => " " + o)));
        return app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["X-Frame-Options"] = "SAMEORIGIN";
            if (!context.Request.Path.StartsWithSegments("/api/docs"))
            {
                h.ContentSecurityPolicy = csp;
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
    }
}
