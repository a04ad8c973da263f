using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Alerts.Features.Read;

/// <summary>An alert with its whole timeline.</summary>
public sealed record AlertDetail(AlertView Alert, IReadOnlyList<AlertUpdate> Timeline, IReadOnlyList<string> Photos);

/// <summary>One row of the alert list of a place; <see cref="Latitude"/>/<see cref="Longitude"/> the WGS-84 point when the raiser gave one.</summary>
public sealed record AlertRow(long Id, AlertKind Kind, string PlaceName, string Text, string RaisedBy, DateTimeOffset RaisedAt, AlertState State, int Level,
    DateTimeOffset? FirstAckAt, DateTimeOffset? FirstOnSceneAt, DateTimeOffset? ResolvedAt, double? Latitude, double? Longitude);

/// <summary>Reading alerts: one with its timeline (raiser, recipients, staff of its place), the list of a scope (staff and responders).</summary>
public static class ReadAlert
{
    public static RouteGroupBuilder MapReadAlert(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts/{id:long}", async Task<Results<Ok<AlertDetail>, NotFound>> (long id, AlertEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
                await engine.DetailAsync(id, user, ct) is { } d ? TypedResults.Ok(new AlertDetail(d.Alert, d.Timeline, d.Photos)) : TypedResults.NotFound())
            .RequireAuthorization().WithName("GetAlert").WithSummary("One alert with its timeline.");
        api.MapGet("/alerts", async Task<Results<Ok<IReadOnlyList<AlertRow>>, NotFound, ForbidHttpResult>> (string? scope, bool? open, AlertQueries queries,
                IPlaceDirectory places, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                if (!user.Covers(place.Path, AlertEngine.Staff))
                {
                    return TypedResults.Forbid();
                }
                return TypedResults.Ok(await queries.ListAsync(place.Path, open ?? false, 200, ct));
            })
            .RequireAuthorization().WithName("ListAlerts").WithSummary("Latest alerts under a place (scope = place code), for staff and responders of it.");
        return api;
    }
}

internal sealed class AlertQueries(IDbContextFactory<JiayuanDbContext> factory)
{
    public async Task<IReadOnlyList<AlertRow>> ListAsync(string placePath, bool openOnly, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = TreePath.Descendants(placePath);
        var q = db.Set<Alert>().AsNoTracking()
            .Where(a => a.PlacePath == placePath || (string.Compare(a.PlacePath, from) >= 0 && string.Compare(a.PlacePath, to) < 0));
        if (openOnly)
        {
            q = q.Where(a => a.State == AlertState.Open);
        }
        return await q.OrderByDescending(a => a.Id).Take(take)
            .Select(a => new AlertRow(a.Id, a.Kind, a.PlaceName, a.Text, a.RaisedByName, a.RaisedAt, a.State, a.Level, a.FirstAckAt, a.FirstOnSceneAt, a.ResolvedAt,
                a.Latitude, a.Longitude))
            .ToListAsync(ct);
    }
}
