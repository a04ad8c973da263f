using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Places.Features.Browse;

/// <summary>One node with its breadcrumb and children, as the tree browser shows it.</summary>
public sealed record PlaceNode(
    long Id, string Code, string Name, PlaceKind Kind, string Path, CourtyardType? CourtyardType, UnitKind? UnitKind,
    string? Address, string? Description, double? Latitude, double? Longitude, string CodeSource,
    IReadOnlyList<PlaceLink> Breadcrumb, IReadOnlyList<PlaceChild> Children, int HiddenChildren);

public sealed record PlaceLink(long Id, string Name, PlaceKind Kind);

public sealed record PlaceChild(long Id, string Code, string Name, PlaceKind Kind, CourtyardType? CourtyardType, UnitKind? UnitKind, int ChildCount);

/// <summary>Browse the place tree. Households (where people live) are listed only to staff whose scope covers them.</summary>
public static class BrowsePlaces
{
    public static RouteGroupBuilder MapBrowsePlaces(this RouteGroupBuilder api)
    {
        api.MapGet("/places/root", async (JiayuanDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var rootId = await db.Set<Place>().AsNoTracking().Where(p => p.ParentId == null).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
                return rootId is null ? Results.NotFound() : Results.Ok(await LoadAsync(db, user, rootId.Value, ct));
            })
            .AllowAnonymous().WithName("GetPlaceRoot").WithSummary("The subdistrict with its children.");
        api.MapGet("/places/{id:long}", async Task<Results<Ok<PlaceNode>, NotFound>> (long id, JiayuanDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await LoadAsync(db, user, id, ct) is { } node ? TypedResults.Ok(node) : TypedResults.NotFound())
            .AllowAnonymous().WithName("GetPlace").WithSummary("A place with its breadcrumb and children.");
        return api;
    }

    /// <summary>Staff roles that may see households of the places they cover.</summary>
    internal static readonly Role[] HouseholdReaders = [Role.CommunityWorker, Role.SubdistrictAdmin, Role.Responder];

    public static async Task<PlaceNode?> LoadAsync(JiayuanDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var places = db.Set<Place>().AsNoTracking();
        var place = await places.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (place is null || (place.Kind == PlaceKind.Household && !user.Covers(place.Path, HouseholdReaders)))
        {
            return null;
        }
        var ancestors = TreePath.Ancestors(place.Path)[..^1];
        var breadcrumb = await places.Where(p => ancestors.Contains(p.Path)).OrderBy(p => p.Depth)
            .Select(p => new PlaceLink(p.Id, p.Name, p.Kind)).ToListAsync(ct);
        var children = await places.Where(p => p.ParentId == id).OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new PlaceChild(p.Id, p.Code, p.Name, p.Kind, p.CourtyardType, p.UnitKind, places.Count(c => c.ParentId == p.Id)))
            .ToListAsync(ct);
        var hidden = 0;
        if (!user.Covers(place.Path, HouseholdReaders))
        {
            hidden = children.RemoveAll(c => c.Kind == PlaceKind.Household);
        }
        return new PlaceNode(place.Id, place.Code, place.Name, place.Kind, place.Path, place.CourtyardType, place.UnitKind, place.Address,
            place.Description, place.Latitude, place.Longitude, place.CodeSource, breadcrumb, children, hidden);
    }
}
