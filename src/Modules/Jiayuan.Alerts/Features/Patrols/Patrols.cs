using System.Globalization;
using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Alerts.Features.Patrols;

/// <summary>A shift to plan: the place patrolled, the time, and the members (registered responders; their unit comes with them).</summary>
public sealed record PatrolInput(long PlaceId, string? Name, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<long>? MemberUserIds);

/// <summary>Where a member is when checking in or out, or logging (WGS-84, optional).</summary>
public sealed record PatrolPoint(double? Latitude, double? Longitude);

public sealed record PatrolLogInput(string? Text, double? Latitude, double? Longitude);

public sealed record PatrolMemberView(long UserId, string Name, string Unit, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt);

public sealed record PatrolLogView(long Id, string Name, string Text, double? Latitude, double? Longitude, DateTimeOffset At);

public sealed record PatrolView(long Id, string Name, long PlaceId, string PlaceName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    IReadOnlyList<PatrolMemberView> Members, IReadOnlyList<PatrolLogView> Logs);

/// <summary>Person-times (members who checked in) of one unit in a month.</summary>
public sealed record PersonTimes(string Unit, int Count);

/// <summary>
/// Patrols (巡逻): staff plan shifts with members from several units; members check in and out and log what they see, and can
/// raise an alert from the route; person-times per unit per month for the joint-defense reports.
/// </summary>
public static class Patrols
{
    public static RouteGroupBuilder MapPatrols(this RouteGroupBuilder api)
    {
        api.MapPost("/alerts/patrols", async Task<Results<Created<PatrolView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                PatrolInput input, PatrolService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.PlanAsync(input, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/alerts/patrols/{r.Id}");
            })
            .RequireAuthorization().WithName("PlanPatrol").WithSummary("Plan a patrol shift with members from several units (staff of the place).");
        api.MapGet("/alerts/patrols/{id:long}", async Task<Results<Ok<PatrolView>, NotFound>> (long id, PatrolService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.FindAsync(id, user, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .RequireAuthorization().WithName("GetPatrol").WithSummary("A patrol shift with its members and log (members and staff).");
        api.MapPost("/alerts/patrols/{id:long}/check-in", async Task<Results<Ok<PatrolView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, PatrolPoint point, PatrolService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.CheckAsync(id, true, point, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("PatrolCheckIn").WithSummary("A member checks in (time and place).");
        api.MapPost("/alerts/patrols/{id:long}/check-out", async Task<Results<Ok<PatrolView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, PatrolPoint point, PatrolService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.CheckAsync(id, false, point, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("PatrolCheckOut").WithSummary("A member checks out (time and place).");
        api.MapPost("/alerts/patrols/{id:long}/logs", async Task<Results<Ok<PatrolView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, PatrolLogInput input, PatrolService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.LogAsync(id, input, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("PatrolLog").WithSummary("A member logs what was seen on the route.");
        api.MapPost("/alerts/patrols/{id:long}/alerts", async Task<Results<Created<AlertView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, RaiseAlertInput input, PatrolService s, AlertEngine engine, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var shift = await s.ShiftForMemberAsync(id, user, ct);
                if (shift is null)
                {
                    return TypedResults.NotFound();
                }
                var (alert, errors, status) = await engine.RaiseAsync(input with { PlaceId = input.PlaceId ?? shift.Value.PlaceId }, user,
                    http.Connection.RemoteIpAddress?.ToString(), id, ct);
                return Outcome.Created(alert, errors, status, a => $"/api/v1/alerts/{a.Id}");
            })
            .RequireAuthorization().WithName("RaiseFromPatrol").WithSummary("A patrol member raises an alert from the route.");
        api.MapGet("/alerts/patrols/person-times", async Task<Results<Ok<IReadOnlyList<PersonTimes>>, ValidationProblem, NotFound, ForbidHttpResult>> (
                string? scope, string? month, PatrolService s, IPlaceDirectory places, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
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
                if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                {
                    return new FieldErrors(l).Add("month", "Give the month as yyyy-MM.").ToProblem();
                }
                return TypedResults.Ok(await s.PersonTimesAsync(place.Path, m.Year, m.Month, ct));
            })
            .RequireAuthorization().WithName("PatrolPersonTimes").WithSummary("Patrol person-times per unit in a month (scope = place code, month = yyyy-MM).");
        return api;
    }
}

internal sealed class PatrolService(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly Role[] _planners = [Role.CommunityWorker, Role.SubdistrictAdmin];

    public async Task<(PatrolView? Row, FieldErrors Errors, int Status)> PlanAsync(PatrolInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var place = await places.FindAsync(input.PlaceId, ct);
        if (place is null)
        {
            errors.Add("placeId", "Choose where it is happening.");
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        if (!user.Covers(place.Path, _planners))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        errors.Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name");
        var now = clock.GetUtcNow();
        var starts = (input.StartsAt ?? now).ToUniversalTime();
        var ends = (input.EndsAt ?? starts.AddHours(4)).ToUniversalTime();
        if (ends <= starts || ends - starts > TimeSpan.FromHours(24))
        {
            errors.Add("endsAt", "A shift ends after it starts, within 24 hours.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = (input.MemberUserIds ?? []).Distinct().ToList();
        var responders = await db.Set<Responder>().AsNoTracking().Where(r => ids.Contains(r.UserId)).ToListAsync(ct);
        if (responders.Count != ids.Count)
        {
            errors.Add("memberUserIds", "Members must be registered responders.");
        }
        if (errors.Any)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        var shift = new PatrolShift
        {
            Name = input.Name!.Trim(), PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, StartsAt = starts, EndsAt = ends,
            CreatedById = user.UserId() ?? 0, CreatedAt = now,
            Members = [.. responders.Select(r => new PatrolMember { UserId = r.UserId, Name = r.Name, Unit = r.Unit })],
        };
        db.Add(shift);
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(db, shift.Id, ct), errors, StatusCodes.Status201Created);
    }

    public async Task<PatrolView?> FindAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await CanSeeAsync(db, id, user, ct) ? await ViewAsync(db, id, ct) : null;
    }

    public async Task<(long PlaceId, string PlacePath)?> ShiftForMemberAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var userId = user.UserId() ?? 0;
        var shift = await db.Set<PatrolShift>().AsNoTracking().Where(s => s.Id == id && s.Members.Any(m => m.UserId == userId))
            .Select(s => new { s.PlaceId, s.PlacePath }).FirstOrDefaultAsync(ct);
        return shift is null ? null : (shift.PlaceId, shift.PlacePath);
    }

    public async Task<(PatrolView? Row, FieldErrors Errors, int Status)> CheckAsync(long id, bool checkIn, PatrolPoint point, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        await using var db = await factory.CreateDbContextAsync(ct);
        var userId = user.UserId() ?? 0;
        var member = await db.Set<PatrolMember>().FirstOrDefaultAsync(m => m.ShiftId == id && m.UserId == userId, ct);
        if (member is null)
        {
            return (null, errors, await CanSeeAsync(db, id, user, ct) ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }
        Point(errors, point.Latitude, point.Longitude);
        var now = clock.GetUtcNow();
        if (checkIn && member.CheckedInAt is not null)
        {
            errors.Add("checkIn", "Already checked in.");
        }
        if (!checkIn && (member.CheckedInAt is null || member.CheckedOutAt is not null))
        {
            errors.Add("checkOut", "Check in first; a member checks out once.");
        }
        if (errors.Any)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        if (checkIn)
        {
            (member.CheckedInAt, member.CheckInLatitude, member.CheckInLongitude) = (now, point.Latitude, point.Longitude);
        }
        else
        {
            (member.CheckedOutAt, member.CheckOutLatitude, member.CheckOutLongitude) = (now, point.Latitude, point.Longitude);
        }
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(db, id, ct), errors, StatusCodes.Status200OK);
    }

    public async Task<(PatrolView? Row, FieldErrors Errors, int Status)> LogAsync(long id, PatrolLogInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        await using var db = await factory.CreateDbContextAsync(ct);
        var userId = user.UserId() ?? 0;
        var member = await db.Set<PatrolMember>().AsNoTracking().FirstOrDefaultAsync(m => m.ShiftId == id && m.UserId == userId, ct);
        if (member is null)
        {
            return (null, errors, await CanSeeAsync(db, id, user, ct) ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }
        errors.Required("text", input.Text, "Note").MaxLength("text", input.Text, 1000, "Note");
        Point(errors, input.Latitude, input.Longitude);
        if (errors.Any)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        db.Add(new PatrolLog { ShiftId = id, UserId = userId, Name = member.Name, Text = input.Text!.Trim(), Latitude = input.Latitude, Longitude = input.Longitude, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(db, id, ct), errors, StatusCodes.Status200OK);
    }

    public async Task<IReadOnlyList<PersonTimes>> PersonTimesAsync(string placePath, int year, int month, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (lo, hi) = TreePath.Descendants(placePath);
        // Months are counted in China Standard Time (UTC+8), the calendar of the reports.
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var end = start.AddMonths(1);
        var rows = await (from m in db.Set<PatrolMember>()
                          join s in db.Set<PatrolShift>() on m.ShiftId equals s.Id
                          where m.CheckedInAt != null && s.StartsAt >= start && s.StartsAt < end
                                && (s.PlacePath == placePath || (string.Compare(s.PlacePath, lo) >= 0 && string.Compare(s.PlacePath, hi) < 0))
                          group m by m.Unit into g
                          select new PersonTimes(g.Key, g.Count())).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Unit, StringComparer.Ordinal)];
    }

    private async Task<bool> CanSeeAsync(JiayuanDbContext db, long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? 0;
        var shift = await db.Set<PatrolShift>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.PlacePath, Member = s.Members.Any(m => m.UserId == userId) }).FirstOrDefaultAsync(ct);
        return shift is not null && (shift.Member || user.Covers(shift.PlacePath, AlertEngine.Staff));
    }

    private static async Task<PatrolView?> ViewAsync(JiayuanDbContext db, long id, CancellationToken ct)
    {
        var s = await db.Set<PatrolShift>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }
        var logs = await db.Set<PatrolLog>().AsNoTracking().Where(x => x.ShiftId == id).OrderBy(x => x.Id)
            .Select(x => new PatrolLogView(x.Id, x.Name, x.Text, x.Latitude, x.Longitude, x.At)).ToListAsync(ct);
        return new PatrolView(s.Id, s.Name, s.PlaceId, s.PlaceName, s.StartsAt, s.EndsAt,
            [.. s.Members.OrderBy(m => m.Id).Select(m => new PatrolMemberView(m.UserId, m.Name, m.Unit, m.CheckedInAt, m.CheckedOutAt))], logs);
    }

    private static void Point(FieldErrors errors, double? latitude, double? longitude)
    {
        if (latitude is null != longitude is null || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            errors.Add("latitude", "The point is not a valid WGS-84 coordinate.");
        }
    }
}
