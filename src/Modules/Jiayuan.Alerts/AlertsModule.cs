using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Demo;
using Jiayuan.Alerts.Features;
using Jiayuan.Alerts.Features.Escalation;
using Jiayuan.Alerts.Features.Live;
using Jiayuan.Alerts.Features.Patrols;
using Jiayuan.Alerts.Features.Raise;
using Jiayuan.Alerts.Features.Read;
using Jiayuan.Alerts.Features.Respond;
using Jiayuan.Alerts.Features.Responders;
using Jiayuan.Alerts.Features.Review;
using Jiayuan.Alerts.Features.Sos;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Hosting;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jiayuan.Alerts;

/// <summary>The joint-defense call platform (一呼百应): responders, alerts with live fan-out and escalation, timelines, patrols.</summary>
public static class AlertsModule
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        ModelRegistry.Register(typeof(AlertsModule).Assembly);
        services.AddOptions<AlertOptions>().BindConfiguration("Alerts");
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<ResponderService>();
        services.AddSingleton<AlertStatistics>();
        services.AddSingleton<PatrolService>();
        services.AddSingleton(new HomeSection(typeof(SosSection), 5));
        services.AddSingleton(new NavItem("/alerts", "Alert console", 40, Staff: true));
        services.TryAddSingleton<IResponderNotifier, OutboxResponderNotifier>();
        services.AddSingleton<AlertEscalator>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertEscalator>());
        services.AddSingleton<IDemoSeeder, AlertsDemoSeeder>();

        services.AddRateLimiter(o => o.AddPolicy(RaiseAlert.RateLimit, ctx =>
        {
            var settings = ctx.RequestServices.GetRequiredService<IOptions<AlertOptions>>().Value;
            var user = ctx.User;
            var staff = user.HasAnyRole(AlertEngine.Staff);
            var key = user.UserId()?.ToString(CultureInfo.InvariantCulture) ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "?";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = staff ? settings.StaffRaisesPerMinute : settings.ResidentRaisesPerMinute,
                Window = TimeSpan.FromMinutes(1),
            });
        }));

        // Browsers and the SignalR clients cannot send an Authorization header on a WebSocket: they pass the bearer token as
        // access_token in the hub's query string.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var previous = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async ctx =>
            {
                await previous(ctx);
                if (ctx.Token is null && ctx.Request.Path.StartsWithSegments(AlertsHub.Path) && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    ctx.Token = token.ToString();
                }
            };
        });
        services.PostConfigure<PolicySchemeOptions>(CoreServices.SmartScheme, o =>
        {
            var previous = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments(AlertsHub.Path) && ctx.Request.Query.ContainsKey("access_token")
                ? IdentityConstants.BearerScheme
                : previous?.Invoke(ctx);
        });
        // A hub client is not a browser page: answer 401/403 instead of redirecting to the sign-in page.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var denied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => HubStatus(ctx, StatusCodes.Status401Unauthorized) ?? toLogin(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => HubStatus(ctx, StatusCodes.Status403Forbidden) ?? denied(ctx);
        });
        return services;
    }

    private static Task? HubStatus(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (!ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            return null;
        }
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api) =>
        api.MapRaiseAlert().MapAlertPhotos().MapReadAlert().MapRespondToAlert().MapResponders().MapReviewAlerts().MapPatrols();

    /// <summary>Maps the alert hub at <c>/hubs/alerts</c>.</summary>
    public static IEndpointRouteBuilder MapAlertsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<AlertsHub>(AlertsHub.Path);
        return app;
    }
}
