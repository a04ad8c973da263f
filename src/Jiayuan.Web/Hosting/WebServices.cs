using System.Globalization;
using System.Threading.RateLimiting;
using Jiayuan.Core;
using Jiayuan.Core.Hosting;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using OpenTelemetry.Metrics;

namespace Jiayuan.Web.Hosting;

/// <summary>Cross-cutting web services: localization, rate limits, output cache, OpenAPI, telemetry.</summary>
internal static class WebServices
{
    public const string LoginLimit = "login";
    public const string PublicPostLimit = "public-post";

    public static IServiceCollection AddJiayuanWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Chinese text goes out as UTF-8, not as &#x…; entities (a third of the page size).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Cookie (the visible switch) first, then the browser's language; an unknown culture falls back to zh-CN.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = configuration.GetValue("RateLimits:LoginPerMinute", 20),
                Window = TimeSpan.FromMinutes(1),
            }));
            o.AddPolicy(PublicPostLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = configuration.GetValue("RateLimits:PublicPostsPerMinute", 30),
                Window = TimeSpan.FromMinutes(1),
            }));
            // Demand submissions: per signed-in user, or per address for anonymous callers; staff registering on someone's behalf are not limited.
            o.AddPolicy("demand-submit", ctx => ctx.User.HasAnyRole(Role.CommunityWorker, Role.SubdistrictAdmin)
                ? RateLimitPartition.GetNoLimiter("staff")
                : RateLimitPartition.GetFixedWindowLimiter(ctx.User.UserId()?.ToString(CultureInfo.InvariantCulture) ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimits:DemandsPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Core.Http.Problems.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests, l["Too many requests; try again in {0} seconds.", seconds]);
            };
        });

        services.AddOutputCache(o => o.AddPolicy(CachePolicies.AnonymousPage, b => b
            .Expire(TimeSpan.FromSeconds(configuration.GetValue("OutputCache:Seconds", 30)))
            .Tag(CachePolicies.HomeTag)
            .VaryByValue(ctx => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))));

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Jiayuan 家园 API";
            doc.Info.Description = "Party-building-led community governance for a subdistrict. Authenticate with POST /api/v1/auth/login, then send `Authorization: Bearer <accessToken>`.";
            return Task.CompletedTask;
        }));
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (ctx.ProblemDetails.Status == StatusCodes.Status400BadRequest && ctx.ProblemDetails.Detail is null && ctx.ProblemDetails is not HttpValidationProblemDetails)
            {
                ctx.ProblemDetails.Title = l["The request could not be read."];
                ctx.ProblemDetails.Detail = l["Send a JSON body (Content-Type: application/json) with the fields this endpoint documents."];
            }
            else if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                ctx.ProblemDetails.Title = l["The request could not be read."];
                ctx.ProblemDetails.Detail = l["Send a JSON body (Content-Type: application/json) with the fields this endpoint documents."];
            }
            else if (ctx.ProblemDetails.Status == StatusCodes.Status404NotFound && ctx.ProblemDetails.Detail is null)
            {
                ctx.ProblemDetails.Title = l["Not found"];
            }
            else if (ctx.ProblemDetails.Status == StatusCodes.Status403Forbidden && ctx.ProblemDetails.Detail is null)
            {
                ctx.ProblemDetails.Title = l["Access refused"];
                ctx.ProblemDetails.Detail = l["This is outside your scope."];
            }
            else if (ctx.ProblemDetails.Status == StatusCodes.Status401Unauthorized && ctx.ProblemDetails.Detail is null)
            {
                ctx.ProblemDetails.Title = l["Sign in first"];
                ctx.ProblemDetails.Detail = l["The token is missing, invalid or expired: log in again."];
            }
        });
        return services;
    }
}
