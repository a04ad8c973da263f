using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Alerts.Features.Responders;

/// <summary>What a responder registers: unit, covered areas (place ids) and duty status.</summary>
public sealed record ResponderInput(string? Unit, IReadOnlyList<long>? AreaIds, DutyStatus? Duty);

public sealed record DutyInput(DutyStatus? Duty);

public sealed record AreaInfo(long PlaceId, string PlaceName, string PlacePath);

/// <summary>A responder as staff and the responder see it (masked name).</summary>
public sealed record ResponderInfo(long Id, string Name, string Unit, DutyStatus Duty, IReadOnlyList<AreaInfo> Areas, DateTimeOffset UpdatedAt);

public sealed record BlockInput(long UserId, string? Reason);

/// <summary>
/// Responder registration: a user with a responder, community-worker or subdistrict grant registers the areas they cover (inside
/// their grant) and switches duty status; staff list the responders of their scope; administrators block abusive raisers.
/// </summary>
public static class Responders
{
    public static RouteGroupBuilder MapResponders(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts/responders/me", async Task<Results<Ok<ResponderInfo>, NotFound>> (ResponderService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.FindAsync(user.UserId() ?? 0, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound())
            .RequireAuthorization().WithName("GetMyResponder").WithSummary("The caller's responder registration.");
        api.MapPut("/alerts/responders/me", async Task<Results<Ok<ResponderInfo>, ValidationProblem, NotFound, ForbidHttpResult>> (
                ResponderInput input, ResponderService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.RegisterAsync(input, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("RegisterResponder").WithSummary("Register (or update) as a responder: unit, covered areas, duty status.");
        api.MapPut("/alerts/responders/me/duty", async Task<Results<Ok<ResponderInfo>, ValidationProblem, NotFound, ForbidHttpResult>> (
                DutyInput input, ResponderService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await s.SetDutyAsync(input, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("SetResponderDuty").WithSummary("Switch duty status (OnDuty, OffDuty, Busy).");
        api.MapGet("/alerts/responders", async Task<Results<Ok<IReadOnlyList<ResponderInfo>>, NotFound, ForbidHttpResult>> (
                string? scope, ResponderService s, IPlaceDirectory places, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                return user.Covers(place.Path, AlertEngine.Staff) ? TypedResults.Ok(await s.ListAsync(place.Path, ct)) : TypedResults.Forbid();
            })
            .RequireAuthorization().WithName("ListResponders").WithSummary("Responders whose areas lie in a place (scope = place code).");
        api.MapPost("/alerts/blocks", async Task<Results<NoContent, ValidationProblem, ForbidHttpResult>> (
                BlockInput input, ResponderService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (errors, status) = await s.BlockAsync(input, user, ct);
                return status switch
                {
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    StatusCodes.Status400BadRequest => errors.ToProblem(),
                    _ => TypedResults.NoContent(),
                };
            })
            .RequireAuthorization().WithName("BlockRaiser").WithSummary("Block a user from raising alerts (abuse); subdistrict administrators.");
        return api;
    }
}

internal sealed class ResponderService(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<ResponderInfo?> FindAsync(long userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.Set<Responder>().AsNoTracking().Include(x => x.Areas).FirstOrDefaultAsync(x => x.UserId == userId, ct);
        return r is null ? null : ToInfo(r);
    }

    public async Task<(ResponderInfo? Row, FieldErrors Errors, int Status)> RegisterAsync(ResponderInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        if (!user.HasAnyRole(AlertEngine.Staff))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        errors.Required("unit", input.Unit, "Work unit").MaxLength("unit", input.Unit, 100, "Work unit");
        if (input.Duty is { } d && !Enum.IsDefined(d))
        {
            errors.Add("duty", "Choose a duty status.");
        }
        var areas = new List<PlaceSummary>();
        if (input.AreaIds is not { Count: > 0 and <= 20 })
        {
            errors.Add("areaIds", "Choose between 1 and 20 areas you cover.");
        }
        else
        {
            foreach (var id in input.AreaIds.Distinct())
            {
                var place = await places.FindAsync(id, ct);
                if (place is null)
                {
                    errors.Add("areaIds", "Choose between 1 and 20 areas you cover.");
                    break;
                }
                if (!user.Covers(place.Path, AlertEngine.Staff))
                {
                    return (null, errors, StatusCodes.Status403Forbidden);
                }
                areas.Add(place);
            }
        }
        if (errors.Any)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        var userId = user.UserId() ?? 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(ct) ?? "";
        var now = clock.GetUtcNow();
        var r = await db.Set<Responder>().Include(x => x.Areas).FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (r is null)
        {
            r = new Responder { UserId = userId, Name = "", Unit = "", CreatedAt = now, Duty = DutyStatus.OnDuty };
            db.Add(r);
        }
        r.Name = Masking.Name(name);
        r.Unit = input.Unit!.Trim();
        r.Duty = input.Duty ?? r.Duty;
        r.UpdatedAt = now;
        r.Areas.RemoveAll(a => areas.All(p => p.Id != a.PlaceId));
        foreach (var p in areas.Where(p => r.Areas.All(a => a.PlaceId != p.Id)))
        {
            r.Areas.Add(new ResponderArea { PlaceId = p.Id, PlacePath = p.Path, PlaceName = p.Name });
        }
        await db.SaveChangesAsync(ct);
        return (ToInfo(r), errors, StatusCodes.Status200OK);
    }

    public async Task<(ResponderInfo? Row, FieldErrors Errors, int Status)> SetDutyAsync(DutyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        await using var db = await factory.CreateDbContextAsync(ct);
        var userId = user.UserId() ?? 0;
        var r = await db.Set<Responder>().Include(x => x.Areas).FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (r is null)
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (input.Duty is not { } duty || !Enum.IsDefined(duty))
        {
            errors.Add("duty", "Choose a duty status.");
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        r.Duty = duty;
        r.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (ToInfo(r), errors, StatusCodes.Status200OK);
    }

    public async Task<IReadOnlyList<ResponderInfo>> ListAsync(string placePath, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = TreePath.Descendants(placePath);
        var ids = db.Set<ResponderArea>()
            .Where(a => a.PlacePath == placePath || (string.Compare(a.PlacePath, from) >= 0 && string.Compare(a.PlacePath, to) < 0))
            .Select(a => a.ResponderId);
        var rows = await db.Set<Responder>().AsNoTracking().Include(x => x.Areas).Where(r => ids.Contains(r.Id)).OrderBy(r => r.Unit).ThenBy(r => r.Id)
            .Take(1000).ToListAsync(ct);
        return [.. rows.Select(ToInfo)];
    }

    public async Task<(FieldErrors Errors, int Status)> BlockAsync(BlockInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var root = await places.RootAsync(ct);
        if (!user.Covers(root.Path, Role.SubdistrictAdmin))
        {
            return (errors, StatusCodes.Status403Forbidden);
        }
        errors.Required("reason", input.Reason, "Reason").MaxLength("reason", input.Reason, 200, "Reason");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == input.UserId, ct))
        {
            errors.Add("userId", "No such user.");
        }
        if (errors.Any)
        {
            return (errors, StatusCodes.Status400BadRequest);
        }
        if (!await db.Set<RaiserBlock>().AnyAsync(b => b.UserId == input.UserId, ct))
        {
            db.Add(new RaiserBlock { UserId = input.UserId, Reason = input.Reason!.Trim(), BlockedById = user.UserId() ?? 0, BlockedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        return (errors, StatusCodes.Status204NoContent);
    }

    private static ResponderInfo ToInfo(Responder r) =>
        new(r.Id, r.Name, r.Unit, r.Duty, [.. r.Areas.OrderBy(a => a.PlacePath).Select(a => new AreaInfo(a.PlaceId, a.PlaceName, a.PlacePath))], r.UpdatedAt);
}
