using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Submit;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Demands.Features.Read;

/// <summary>A row of a staff list.</summary>
public sealed record DemandRow(long Id, DemandType Type, string CategoryName, Urgency Urgency, DemandStatus Status, string Description, string? PlaceName,
    string? Handler, DateTimeOffset CreatedAt, DateTimeOffset? AcceptBy, DateTimeOffset? Deadline, int Escalation, bool Overdue, bool ExtensionPending, int Version);

public sealed record NotificationRow(long Id, long DemandId, string Text, DateTimeOffset CreatedAt, bool Read);

/// <summary>The lists staff work from, the requester's own demands, the public board and notifications.</summary>
public static class ReadDemandEndpoints
{
    public static RouteGroupBuilder MapReadDemands(this RouteGroupBuilder api)
    {
        api.MapGet("/demands/{id:long}", async (long id, JiayuanDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var demand = await db.Set<Demand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
                return demand is null || !DemandAccess.CanSee(user, demand) ? Results.NotFound() : Results.Ok(await DemandViews.BuildAsync(db, demand, user, ct));
            })
            .RequireAuthorization().WithName("GetDemand").WithSummary("A demand with its timeline (internal notes only for staff). Requesters see their own.");
        api.MapGet("/demands/{id:long}/photos/{photoId:long}", async (long id, long photoId, JiayuanDbContext db, ClaimsPrincipal user, HttpResponse response, CancellationToken ct) =>
            {
                var photo = await db.Set<DemandPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.DemandId == id, ct);
                if (photo is null)
                {
                    return Results.NotFound();
                }
                if (photo.HiddenAt is not null)
                {
                    // A hidden photo exists only for the demand's staff, and no cache may keep it.
                    var demand = await db.Set<Demand>().AsNoTracking().FirstAsync(d => d.Id == id, ct);
                    if (!DemandAccess.IsStaff(user, demand))
                    {
                        return Results.NotFound();
                    }
                    response.Headers.CacheControl = "private, no-store";
                }
                return Results.File(photo.Content, photo.ContentType);
            })
            .AllowAnonymous().WithName("GetDemandPhoto").WithSummary("A demand's photo (re-encoded, no location data); one hidden by staff only for the demand's staff.");
        api.MapGet("/demands/mine", async (DemandQueries q, ClaimsPrincipal user, CancellationToken ct) => Results.Ok(await q.MineAsync(user, ct)))
            .RequireAuthorization().WithName("MyDemands").WithSummary("The caller's own demands and those they follow.");
        api.MapGet("/demands", async (string? view, string? scope, int? page, DemandQueries q, IPlaceDirectory places, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (!DemandAccess.IsAnyStaff(user))
                {
                    return Results.Forbid();
                }
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return Results.NotFound();
                }
                // A scope outside the caller's own (another community) is refused, not answered with an empty list.
                Role[] staff = [.. DemandAccess.Dispatchers, .. DemandAccess.Handlers];
                if (!user.Covers(place.Path, staff) && !user.Roots(staff).Any(r => Scope.IsWithin(r, place.Path)))
                {
                    return Results.Forbid();
                }
                return Results.Ok(await q.StaffListAsync(user, view, place.Path, page ?? 1, ct));
            })
            .RequireAuthorization().WithName("ListDemands")
            .WithSummary("Staff lists: view=queue (my unit's open demands), open, overdue (督办 list), returned, extensions, all — within the caller's scope under `scope`.");
        api.MapGet("/demands/board", async (string? community, int? page, DemandQueries q, IPlaceDirectory places, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(community, ct);
                return place is null ? Results.NotFound() : Results.Ok(await q.BoardAsync(place.Path, page ?? 1, ct));
            })
            .AllowAnonymous().WithName("DemandBoard").WithSummary("The public board of a community: demands and their status, personal data masked; returns are explained.");
        api.MapPost("/demands/{id:long}/requester-phone", async (long id, DemandQueries q, ClaimsPrincipal user, CancellationToken ct) =>
                await q.RequesterPhoneAsync(id, user, ct) switch
                {
                    (404, _) => Results.NotFound(),
                    (403, _) => Results.Forbid(),
                    (_, var phone) => Results.Ok(new { phone }),
                })
            .RequireAuthorization().WithName("UnmaskRequesterPhone").WithSummary("The requester's full phone number, for the call-back (staff of the demand; every use is audited).");
        api.MapPost("/notifications/read", async (DemandQueries q, ClaimsPrincipal user, CancellationToken ct) => Results.Ok(new { marked = await q.MarkReadAsync(user, ct) }))
            .RequireAuthorization().WithName("MarkNotificationsRead").WithSummary("Mark the caller's notifications (and their units') as read.");
        api.MapGet("/notifications", async (DemandQueries q, ClaimsPrincipal user, CancellationToken ct) => Results.Ok(await q.NotificationsAsync(user, ct)))
            .RequireAuthorization().WithName("MyNotifications").WithSummary("In-app notifications for the caller and the units they work for (latest 50).");
        return api;
    }
}

internal sealed class DemandQueries(JiayuanDbContext db, DemandRouter router, Jiayuan.Core.Privacy.IPersonalDataCipher cipher, Jiayuan.Core.Audit.IAuditLog audit, TimeProvider clock)
{
    /// <summary>The requester's phone in full for staff of the demand; audited as an unmasking.</summary>
    public async Task<(int Status, string? Phone)> RequesterPhoneAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var demand = await db.Set<Demand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null || !DemandAccess.CanSee(user, demand))
        {
            return (404, null);
        }
        if (!DemandAccess.IsStaff(user, demand))
        {
            return (403, null);
        }
        var phone = demand.RequesterPhoneCipher is { } c ? cipher.Unprotect(c) : null;
        await audit.RecordAsync("unmask", nameof(Demand), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "requester phone", ct);
        return (200, phone);
    }

    private IQueryable<Notification> Mine(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var units = user.Grants().Where(g => g.Role is Role.UnitContact or Role.CommunityWorker).Select(g => g.Path).Distinct().ToList();
        return db.Set<Notification>().Where(n => n.UserId == userId || (n.HandlerPath != null && units.Contains(n.HandlerPath)));
    }

    public async Task<int> MarkReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unread = await Mine(user).Where(n => n.ReadAt == null).OrderByDescending(n => n.Id).Take(500).ToListAsync(ct);
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    public const int PageSize = 50;

    public async Task<IReadOnlyList<PublicDemand>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var catalogue = await router.CatalogueAsync(ct);
        var followed = db.Set<DemandFollower>().Where(f => f.UserId == userId).Select(f => f.DemandId);
        var rows = await db.Set<Demand>().AsNoTracking().Where(d => d.RequesterUserId == userId || followed.Contains(d.Id))
            .OrderByDescending(d => d.Id).Take(100).ToListAsync(ct);
        return [.. rows.Select(d => DemandIntake.ToPublic(d, catalogue) with { Description = d.RequesterUserId == userId ? d.Description : d.PublicDescription })];
    }

    public async Task<Page<DemandRow>> StaffListAsync(ClaimsPrincipal user, string? view, string scopePath, int page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Set<Demand>().AsNoTracking();
        var handlerRoots = user.Roots(DemandAccess.Handlers);
        if (view == "queue")
        {
            // The caller's units' own queue: demands dispatched to a node they work for.
            query = query.Where(d => d.Status != DemandStatus.Closed && d.Status != DemandStatus.Returned);
            query = WithinAny(query, handlerRoots, handler: true);
        }
        else
        {
            query = query.InCommunitiesUnder(scopePath);
            query = WithinAny(query, user.Roots(DemandAccess.Dispatchers), handler: false);
            query = view switch
            {
                "open" => query.Where(d => d.Status != DemandStatus.Closed),
                "overdue" => query.Where(d => d.Status != DemandStatus.Closed && d.Status != DemandStatus.Replied && d.Status != DemandStatus.Returned && (d.Deadline < now || d.Escalation >= 2)),
                "returned" => query.Where(d => d.Status == DemandStatus.Returned),
                "extensions" => query.Where(d => d.ExtensionDays != null),
                _ => query,
            };
        }
        var total = await query.CountAsync(ct);
        var catalogue = await router.CatalogueAsync(ct);
        var rows = await query.OrderBy(d => d.Deadline == null).ThenBy(d => d.Deadline).ThenByDescending(d => d.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<DemandRow>([.. rows.Select(d => new DemandRow(d.Id, d.Type, catalogue.ById[d.CategoryId].Name, d.Urgency, d.Status, d.Description, d.PlaceName,
            d.HandlerName, d.CreatedAt, d.AcceptBy, d.Deadline, d.Escalation, d.Deadline < now && d.Status is not (DemandStatus.Closed or DemandStatus.Replied), d.ExtensionDays != null, d.Version))],
            total, Math.Max(1, page), PageSize);
    }

    /// <summary>Restricts to demands whose community (dispatchers) or handling unit (handlers) lies under one of <paramref name="roots"/>.</summary>
    private static IQueryable<Demand> WithinAny(IQueryable<Demand> query, IReadOnlyList<string> roots, bool handler)
    {
        if (roots.Count == 0)
        {
            return query.Where(_ => false);
        }
        System.Linq.Expressions.Expression<Func<Demand, bool>>? any = null;
        foreach (var root in roots.Distinct())
        {
            var (from, to) = TreePath.Descendants(root);
            System.Linq.Expressions.Expression<Func<Demand, bool>> one = handler
                ? d => d.HandlerPath == root || (string.Compare(d.HandlerPath, from) >= 0 && string.Compare(d.HandlerPath, to) < 0)
                    || (d.CoHandlerPaths != null && d.CoHandlerPaths.Contains(root))
                : d => d.CommunityPath == root || (string.Compare(d.CommunityPath, from) >= 0 && string.Compare(d.CommunityPath, to) < 0);
            any = any is null ? one : Or(any, one);
        }
        return query.Where(any!);
    }

    private static System.Linq.Expressions.Expression<Func<Demand, bool>> Or(System.Linq.Expressions.Expression<Func<Demand, bool>> a, System.Linq.Expressions.Expression<Func<Demand, bool>> b)
    {
        var body = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<Demand, bool>>(System.Linq.Expressions.Expression.OrElse(a.Body, body), a.Parameters[0]);
    }

    public async Task<Page<PublicDemand>> BoardAsync(string communityPath, int page, CancellationToken ct)
    {
        var query = db.Set<Demand>().AsNoTracking().InCommunitiesUnder(communityPath);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var returnedIds = rows.Where(r => r.Status == DemandStatus.Returned).Select(r => r.Id).ToList();
        var returns = await db.Set<DemandEvent>().AsNoTracking().Where(e => returnedIds.Contains(e.DemandId) && e.Kind == DemandEventKind.Returned)
            .OrderByDescending(e => e.Id).ToListAsync(ct);
        var catalogue = await router.CatalogueAsync(ct);
        return new Page<PublicDemand>([.. rows.Select(d => DemandIntake.ToPublic(d, catalogue, returns.FirstOrDefault(e => e.DemandId == d.Id)?.Note))], total, Math.Max(1, page), PageSize);
    }

    public async Task<IReadOnlyList<NotificationRow>> NotificationsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await Mine(user).AsNoTracking().OrderByDescending(n => n.Id).Take(50).ToListAsync(ct);
        return [.. rows.Select(n => new NotificationRow(n.Id, n.DemandId, n.Text, n.CreatedAt, n.ReadAt is not null))];
    }
}
