using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Web.Features.Admin;

public sealed record GrantRow(long Id, Role Role, long? PlaceId, string? PlaceName, string NodePath, DateTimeOffset GrantedAt);

public sealed record GrantRequest(Role? Role, long? PlaceId);

/// <summary>
/// Administrators grant and revoke roles at places they cover. Only a system administrator grants SystemAdmin.
/// The user's security stamp changes, so their cookie is re-issued with the new grants (bearer tokens at expiry).
/// </summary>
internal static class ManageGrants
{
    public static RouteGroupBuilder MapManageGrants(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users/{id:long}/grants", (long id, GrantService grants, CancellationToken ct) => grants.ListAsync(id, ct))
            .WithName("ListGrants").WithSummary("The roles a user holds, and where.");
        admin.MapPost("/users/{id:long}/grants", async Task<Results<Created<GrantRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, GrantRequest request, GrantService grants, ClaimsPrincipal caller, CancellationToken ct) =>
            {
                var (row, errors, status) = await grants.GrantAsync(id, request, caller, ct);
                return Outcome.Created(row, errors, status, _ => $"/api/v1/admin/users/{id}/grants");
            })
            .WithName("GrantRole").WithSummary("Grant a role at a place (covers its subtree).");
        admin.MapDelete("/users/{id:long}/grants/{grantId:long}", async Task<Results<NoContent, NotFound, ForbidHttpResult>> (
                long id, long grantId, GrantService grants, ClaimsPrincipal caller, CancellationToken ct) =>
                await grants.RevokeAsync(id, grantId, caller, ct) switch
                {
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NoContent(),
                })
            .WithName("RevokeRole").WithSummary("Revoke a role.");
        return admin;
    }
}

internal sealed class GrantService(JiayuanDbContext db, UserManager<AppUser> users, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<List<GrantRow>> ListAsync(long userId, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.Id).ToListAsync(ct);
        var rows = new List<GrantRow>();
        foreach (var g in grants)
        {
            var place = await places.FindByPathAsync(g.NodePath, ct);
            rows.Add(new GrantRow(g.Id, g.Role, place?.Id, place?.Name, g.NodePath, g.GrantedAt));
        }
        return rows;
    }

    public async Task<(GrantRow? Row, FieldErrors Errors, int Status)> GrantAsync(long userId, GrantRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (request.Role is not { } role || !Enum.IsDefined(role) || role == Role.Resident)
        {
            errors.Add("role", "Choose a role to grant.");
        }
        var place = request.PlaceId is { } placeId ? await places.FindAsync(placeId, ct) : null;
        if (place is null)
        {
            errors.Add("placeId", "Choose the place where the role applies.");
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        if (!caller.Covers(place!.Path, Role.SubdistrictAdmin) || (request.Role == Role.SystemAdmin && !caller.HasAnyRole(Role.SystemAdmin)))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        var existing = await db.RoleGrants.FirstOrDefaultAsync(g => g.UserId == userId && g.Role == request.Role && g.NodePath == place.Path, ct);
        if (existing is null)
        {
            existing = new RoleGrant { UserId = userId, Role = request.Role!.Value, NodePath = place.Path, GrantedAt = clock.GetUtcNow() };
            db.RoleGrants.Add(existing);
            await db.SaveChangesAsync(ct);
            await users.UpdateSecurityStampAsync(user);
        }
        return (new GrantRow(existing.Id, existing.Role, place.Id, place.Name, existing.NodePath, existing.GrantedAt), errors, 201);
    }

    public async Task<int> RevokeAsync(long userId, long grantId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.UserId == userId, ct);
        if (grant is null)
        {
            return StatusCodes.Status404NotFound;
        }
        if (!caller.Covers(grant.NodePath, Role.SubdistrictAdmin) || (grant.Role == Role.SystemAdmin && !caller.HasAnyRole(Role.SystemAdmin)))
        {
            return StatusCodes.Status403Forbidden;
        }
        db.RoleGrants.Remove(grant);
        await db.SaveChangesAsync(ct);
        if (await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        return StatusCodes.Status204NoContent;
    }
}
