using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jiayuan.Alerts.Features.Respond;

/// <summary>A responder says "received", "on my way" (ETA), "on scene" or "resolved" (note) — the same as the hub's <c>Respond</c>.</summary>
public static class RespondToAlert
{
    public static RouteGroupBuilder MapRespondToAlert(this RouteGroupBuilder api)
    {
        api.MapPost("/alerts/{id:long}/responses", async Task<Results<Ok<AlertUpdate>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, RespondInput input, AlertEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (update, errors, status) = await engine.RespondAsync(id, input, user, ct);
                return Outcome.Ok(update, errors, status);
            })
            .RequireAuthorization().WithName("RespondToAlert").WithSummary("Respond to an alert: Acknowledged, OnMyWay (etaMinutes), OnScene, Resolved (note).");
        return api;
    }
}
