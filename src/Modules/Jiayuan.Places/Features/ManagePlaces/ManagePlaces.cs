using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Data;
using Jiayuan.Places.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Places.Features.ManagePlaces;

/// <summary>A new place under <paramref name="ParentId"/>.</summary>
public sealed record CreatePlaceRequest(long ParentId, string? Name, PlaceKind Kind, string? Segment = null, CourtyardType? CourtyardType = null,
    UnitKind? UnitKind = null, string? Address = null, string? Description = null, double? Latitude = null, double? Longitude = null);

/// <summary>Fields staff may change on a place.</summary>
public sealed record UpdatePlaceRequest(string? Name, string? Address, string? Description, double? Latitude, double? Longitude);

/// <summary>Staff add and edit places inside their scope (community workers and subdistrict admins).</summary>
public static class ManagePlaces
{
    internal static readonly Role[] Editors = [Role.CommunityWorker, Role.SubdistrictAdmin];

    public static RouteGroupBuilder MapManagePlaces(this RouteGroupBuilder api)
    {
        api.MapPost("/places", CreateAsync).RequireAuthorization().WithName("CreatePlace").WithSummary("Add a place under a parent in your scope.");
        api.MapPut("/places/{id:long}", UpdateAsync).RequireAuthorization().WithName("UpdatePlace").WithSummary("Edit a place in your scope.");
        return api;
    }

    private static async Task<Results<Created<PlaceSummary>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        CreatePlaceRequest request, JiayuanDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parent = await db.Set<Place>().FirstOrDefaultAsync(p => p.Id == request.ParentId, ct);
        if (parent is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(parent.Path, Editors))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).Required("name", request.Name, "Name").MaxLength("name", request.Name, 100, "Name");
        if (!Enum.IsDefined(request.Kind) || request.Kind == PlaceKind.Subdistrict)
        {
            errors.Add("kind", "Choose what kind of place this is.");
        }
        if (request.Kind == PlaceKind.Unit && request.UnitKind is null)
        {
            errors.Add("unitKind", "Choose the kind of unit.");
        }
        if (request.Latitude is < -90 or > 90 || request.Longitude is < -180 or > 180)
        {
            errors.Add("latitude", "Coordinates must be WGS-84 latitude and longitude.");
        }
        var segment = string.IsNullOrWhiteSpace(request.Segment) ? null : request.Segment.Trim();
        if (segment is not null && (segment.Length > 20 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            errors.Add("segment", "A code segment has at most 20 letters, digits or '-'.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        segment ??= (await db.Set<Place>().CountAsync(p => p.ParentId == parent.Id, ct) + 1).ToString("D3", CultureInfo.InvariantCulture);
        var path = parent.ChildPath(segment);
        if (await db.Set<Place>().AnyAsync(p => p.Path == path, ct))
        {
            return new FieldErrors(l).Add("segment", "Another place under this parent already uses code segment {0}.", segment).ToProblem();
        }
        var place = new Place
        {
            ParentId = parent.Id,
            Name = request.Name!.Trim(),
            Kind = request.Kind,
            Code = parent.Code + "-" + segment,
            Path = path,
            Depth = parent.Depth + 1,
            CourtyardType = request.Kind == PlaceKind.Courtyard ? request.CourtyardType : null,
            UnitKind = request.Kind == PlaceKind.Unit ? request.UnitKind : null,
            Address = request.Address?.Trim(),
            Description = request.Description?.Trim(),
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            CodeSource = "generated",
            VersionYear = Jiayuan.Core.Text.Dates.Today(clock).Year,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(place);
        await db.SaveChangesAsync(ct);
        PlaceDirectory.Invalidate();
        return TypedResults.Created($"/api/v1/places/{place.Id}", place.ToSummary());
    }

    private static async Task<Results<Ok<PlaceSummary>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        long id, UpdatePlaceRequest request, JiayuanDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var place = await db.Set<Place>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (place is null || (!user.Covers(place.Path, Editors) && place.Kind == PlaceKind.Household))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(place.Path, Editors))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).Required("name", request.Name, "Name").MaxLength("name", request.Name, 100, "Name")
            .MaxLength("address", request.Address, 200, "Address").MaxLength("description", request.Description, 2000, "Description");
        if (request.Latitude is < -90 or > 90 || request.Longitude is < -180 or > 180)
        {
            errors.Add("latitude", "Coordinates must be WGS-84 latitude and longitude.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        place.Name = request.Name!.Trim();
        place.Address = request.Address?.Trim();
        place.Description = request.Description?.Trim();
        place.Latitude = request.Latitude;
        place.Longitude = request.Longitude;
        await db.SaveChangesAsync(ct);
        PlaceDirectory.Invalidate();
        return TypedResults.Ok(place.ToSummary());
    }
}
