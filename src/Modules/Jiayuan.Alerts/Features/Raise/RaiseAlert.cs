using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jiayuan.Alerts.Features.Raise;

/// <summary>Anyone signed in raises an alert (a resident's SOS, a guard, a worker); rate-limited per user, attributed, blockable.</summary>
public static class RaiseAlert
{
    public const string RateLimit = "alerts-raise";

    public static RouteGroupBuilder MapRaiseAlert(this RouteGroupBuilder api)
    {
        api.MapPost("/alerts", async Task<Results<Created<AlertView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                RaiseAlertInput input, AlertEngine engine, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var (alert, errors, status) = await engine.RaiseAsync(input, user, http.Connection.RemoteIpAddress?.ToString(), null, ct);
                return Outcome.Created(alert, errors, status, a => $"/api/v1/alerts/{a.Id}");
            })
            .RequireAuthorization().RequireRateLimiting(RateLimit)
            .WithName("RaiseAlert").WithSummary("Raise an alert (SOS): persisted, then sent to every on-duty responder in reach.");
        return api;
    }
}
