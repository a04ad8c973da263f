using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jiayuan.Core.Http;

/// <summary>Security headers on every response. The CSP allows only our own scripts and styles (Blazor's enhanced navigation needs no inline script).</summary>
public static class SecurityHeaders
{
    private const string Csp = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["X-Frame-Options"] = "SAMEORIGIN";
            if (!context.Request.Path.StartsWithSegments("/api/docs"))
            {
                h.ContentSecurityPolicy = Csp;
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
