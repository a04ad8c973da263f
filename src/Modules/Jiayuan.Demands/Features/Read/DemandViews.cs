using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Demands.Features.Read;

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Actor, string? Note, bool Public, string? Handler);

public sealed record DemandView(
    long Id, string Token, DemandType Type, string CategoryCode, string CategoryName, Urgency Urgency, DemandStatus Status, DemandChannel Channel,
    string Description, string? PlaceName, string? Address, double? Latitude, double? Longitude,
    string? Handler, string? CoHandlers, string? Requester, string? RequesterPhone,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? AcceptBy, DateTimeOffset? AcceptedAt,
    DateTimeOffset? ContactedAt, DateTimeOffset? Deadline, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt,
    string? Reply, int? ExtensionDaysRequested, string? ExtensionReason, int Escalation, Satisfaction? Satisfaction, bool? Resolved, string? RatingComment,
    int ReopenCount, int Followers, int Version, IReadOnlyList<long> PhotoIds, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<long> HiddenPhotoIds);

/// <summary>A demand as the public sees it on a community board: no personal data.</summary>
public sealed record PublicDemand(long Id, DemandType Type, string CategoryName, DemandStatus Status, string Description, string? PlaceName,
    string? Handler, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Followers, string? ReturnedNote);

internal static class DemandViews
{
    /// <summary>The view of a demand just committed, from the rows written (no queries: the submission path is hot).</summary>
    public static DemandView ForNew(Demand d, Category category, IReadOnlyList<object> rows) =>
        Build(d, category.Code, category.Name,
            [.. rows.OfType<DemandPhoto>().Select(p => p.Id)],
            [.. rows.OfType<DemandEvent>().Select(e => new TimelineEntry(e.At, e.Kind.ToString(), e.Actor, e.Note, e.Public, e.HandlerName))], []);

    /// <summary>The detail for someone allowed to see it; staff and the requester see internal notes only when staff.</summary>
    public static async Task<DemandView> BuildAsync(JiayuanDbContext db, Demand d, ClaimsPrincipal user, CancellationToken ct)
    {
        var category = await db.Set<Category>().AsNoTracking().Where(c => c.Id == d.CategoryId).Select(c => new { c.Code, c.Name }).FirstAsync(ct);
        var staff = DemandAccess.IsStaff(user, d);
        var events = await db.Set<DemandEvent>().AsNoTracking().Where(e => e.DemandId == d.Id && (staff || e.Public)).OrderBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind.ToString(), e.Actor, e.Note, e.Public, e.HandlerName)).ToListAsync(ct);
        // Photos staff hid are left out for everyone else (the requester included); staff see them marked.
        var photos = await db.Set<DemandPhoto>().AsNoTracking().Where(p => p.DemandId == d.Id && (staff || p.HiddenAt == null)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, Hidden = p.HiddenAt != null }).ToListAsync(ct);
        return Build(d, category.Code, category.Name, [.. photos.Select(p => p.Id)], events, [.. photos.Where(p => p.Hidden).Select(p => p.Id)]);
    }

    private static DemandView Build(Demand d, string categoryCode, string categoryName, IReadOnlyList<long> photos, IReadOnlyList<TimelineEntry> events,
        IReadOnlyList<long> hiddenPhotos) =>
        new(
            d.Id, d.Token, d.Type, categoryCode, categoryName, d.Urgency, d.Status, d.Channel,
            d.Description, d.PlaceName, d.Address, d.Latitude, d.Longitude,
            d.HandlerName, d.CoHandlerNames, d.RequesterName is { } n ? Jiayuan.Core.Privacy.Masking.Name(n) : null, d.RequesterPhoneMasked,
            d.CreatedAt, d.UpdatedAt, d.DispatchedAt, d.AcceptBy, d.AcceptedAt, d.ContactedAt, d.Deadline, d.RepliedAt, d.ClosedAt,
            d.Reply, d.ExtensionDays, d.ExtensionReason, d.Escalation, d.Satisfaction, d.Resolved, d.RatingComment,
            d.ReopenCount, d.Followers, d.Version, photos, events, hiddenPhotos);
}
