using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Alerts.Features.Live;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiayuan.Alerts.Features;

/// <summary>What a caller sends to raise an alert: a place (tree node) and/or a WGS-84 point, a kind and a short text.</summary>
public sealed record RaiseAlertInput(AlertKind? Kind, long? PlaceId, double? Latitude, double? Longitude, string? Text);

/// <summary>A response sent through the API (the hub's <c>Respond</c> takes the same fields).</summary>
public sealed record RespondInput(ResponseStatus? Status, int? EtaMinutes, string? Note);

/// <summary>
/// The alert use cases shared by the API, the hub, the pages and the escalation sweep: every change is one transaction that
/// appends an event (the <c>eventId</c>) and is committed before anything is sent.
/// </summary>
internal sealed class AlertEngine(
    IDbContextFactory<JiayuanDbContext> factory,
    IPlaceDirectory places,
    TimeProvider clock,
    AlertDispatcher dispatcher,
    IOptions<AlertOptions> options,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Roles whose grant covering an alert's place lets the caller see it and respond.</summary>
    internal static readonly Role[] Staff = [Role.Responder, Role.CommunityWorker, Role.SubdistrictAdmin];

    /// <summary>SQLite has one writer: queue alert writes here instead of in its busy-retry loop.</summary>
    private static readonly SemaphoreSlim _sqliteGate = new(1, 1);

    public async Task<(AlertView? Alert, FieldErrors Errors, int Status)> RaiseAsync(RaiseAlertInput input, ClaimsPrincipal user, string? ip,
        long? patrolShiftId, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var userId = user.UserId() ?? 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Set<RaiserBlock>().AnyAsync(b => b.UserId == userId, ct))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add("kind", "Choose what is happening.");
        }
        errors.MaxLength("text", input.Text, 500, "Alert text");
        if (input.Latitude is null != input.Longitude is null)
        {
            errors.Add("latitude", "Send both latitude and longitude, or neither.");
        }
        else if (input.Latitude is { } lat && (lat is < -90 or > 90 || input.Longitude is < -180 or > 180))
        {
            errors.Add("latitude", "The point is not a valid WGS-84 coordinate.");
        }
        var placeId = input.PlaceId ?? await db.Users.Where(u => u.Id == userId).Select(u => u.HomePlaceId).FirstOrDefaultAsync(ct);
        var place = placeId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null)
        {
            errors.Add("placeId", "Choose where it is happening.");
        }
        if (errors.Any || place is null)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        var raiserName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(ct) ?? "";
        var reach = await ReachAsync(place.Path, ct);
        var now = clock.GetUtcNow();
        var alert = new Alert
        {
            Kind = input.Kind!.Value,
            PlaceId = place.Id,
            PlacePath = place.Path,
            PlaceName = place.Name,
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            Text = input.Text?.Trim() ?? "",
            RaisedById = userId,
            RaisedByName = Masking.Name(raiserName),
            RaisedFromIp = ip,
            PatrolShiftId = patrolShiftId,
            RaisedAt = now,
            State = AlertState.Open,
            Level = 0,
            EscalateAt = reach.MaxLevel > 0 ? now.AddSeconds(options.Value.AckTimeoutSeconds) : null,
        };
        List<(long UserId, long ResponderId, string Name)> targets;
        AlertEvent raised;
        await using (await WriteLockAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AdvisoryLockAsync(db, ct);
            db.Add(alert);
            await db.SaveChangesAsync(ct);
            raised = new AlertEvent { AlertId = alert.Id, Type = AlertEventType.Raised, Level = 0, At = now };
            db.Add(raised);
            await db.SaveChangesAsync(ct);
            targets = await TargetsAsync(db, reach, 0, ct);
            foreach (var t in targets)
            {
                db.Add(new AlertRecipient { AlertId = alert.Id, UserId = t.UserId, ResponderId = t.ResponderId, SinceEventId = raised.Id });
            }
            if (targets.All(t => t.UserId != userId))
            {
                db.Add(new AlertRecipient { AlertId = alert.Id, UserId = userId, SinceEventId = raised.Id });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var view = ToView(alert, raised.Id, [], reach);
        await dispatcher.RaisedAsync([.. targets.Select(t => t.UserId).Append(userId).Distinct()], view, WatchPaths(alert.PlacePath), ct);
        await dispatcher.NotifyOfflineAsync(targets, alert, ct);
        return (view, errors, StatusCodes.Status201Created);
    }

    public async Task<(AlertUpdate? Update, FieldErrors Errors, int Status)> RespondAsync(long alertId, RespondInput input, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var userId = user.UserId() ?? 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var alert = await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        var isRecipient = await db.Set<AlertRecipient>().AnyAsync(r => r.AlertId == alertId && r.UserId == userId && r.ResponderId != null, ct);
        if (!isRecipient && !user.Covers(alert.PlacePath, Staff))
        {
            return (null, errors, alert.RaisedById == userId ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }
        var responder = await db.Set<Responder>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, ct);
        if (responder is null)
        {
            errors.Add("status", "Register as a responder first (unit, areas, duty status).");
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        if (input.Status is null || !Enum.IsDefined(input.Status.Value))
        {
            errors.Add("status", "Choose a status.");
        }
        if (input.Status == ResponseStatus.OnMyWay && input.EtaMinutes is { } eta && eta is < 0 or > 240)
        {
            errors.Add("etaMinutes", "The ETA must be between 0 and 240 minutes.");
        }
        if (input.Status == ResponseStatus.Resolved && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add("note", "Say how it was resolved.");
        }
        errors.MaxLength("note", input.Note, 1000, "Note");
        if (alert.State == AlertState.Resolved)
        {
            errors.Add("status", "This alert is already resolved.");
        }
        if (errors.Any)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }
        var type = input.Status!.Value switch
        {
            ResponseStatus.Acknowledged => AlertEventType.Acknowledged,
            ResponseStatus.OnMyWay => AlertEventType.OnMyWay,
            ResponseStatus.OnScene => AlertEventType.OnScene,
            _ => AlertEventType.Resolved,
        };
        var last = await db.Set<AlertEvent>().AsNoTracking().Where(e => e.AlertId == alertId && e.ResponderId == responder.Id)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (last is not null && last.Type == type && type == AlertEventType.Acknowledged)
        {
            // A repeated "received" (a double tap, a retry after reconnecting) is the same acknowledgement.
            return (ToUpdate(last, alert.State), errors, StatusCodes.Status200OK);
        }
        var now = clock.GetUtcNow();
        AlertEvent evt;
        await using (await WriteLockAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AdvisoryLockAsync(db, ct);
            await db.Entry(alert).ReloadAsync(ct);
            if (alert.State == AlertState.Resolved)
            {
                errors.Add("status", "This alert is already resolved.");
                return (null, errors, StatusCodes.Status400BadRequest);
            }
            alert.FirstAckAt ??= now;
            alert.EscalateAt = null;
            if (type == AlertEventType.OnScene)
            {
                alert.FirstOnSceneAt ??= now;
            }
            if (type == AlertEventType.Resolved)
            {
                alert.FirstOnSceneAt ??= now;
                alert.State = AlertState.Resolved;
                alert.ResolvedAt = now;
            }
            evt = new AlertEvent
            {
                AlertId = alertId, Type = type, ResponderId = responder.Id, ResponderName = responder.Name, Unit = responder.Unit,
                EtaMinutes = type == AlertEventType.OnMyWay ? input.EtaMinutes : null, Note = input.Note?.Trim(), Level = alert.Level, At = now,
            };
            db.Add(evt);
            await db.SaveChangesAsync(ct);
            if (!isRecipient && !await db.Set<AlertRecipient>().AnyAsync(r => r.AlertId == alertId && r.UserId == userId, ct))
            {
                db.Add(new AlertRecipient { AlertId = alertId, UserId = userId, ResponderId = responder.Id, SinceEventId = evt.Id });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        var update = ToUpdate(evt, alert.State);
        var recipients = await db.Set<AlertRecipient>().AsNoTracking().Where(r => r.AlertId == alertId).Select(r => r.UserId).ToListAsync(ct);
        await dispatcher.UpdatedAsync(recipients, update, WatchPaths(alert.PlacePath), ct);
        return (update, errors, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Escalates every open, unacknowledged alert whose deadline has passed by one level. The conditional update on (id, level)
    /// is the claim: with several instances sweeping at once, exactly one of them escalates a given level.
    /// </summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Set<Alert>().AsNoTracking().Where(a => a.EscalateAt != null && a.EscalateAt <= now && a.State == AlertState.Open && a.FirstAckAt == null)
            .OrderBy(a => a.Id).Take(200).ToListAsync(ct);
        var escalated = 0;
        foreach (var alert in due)
        {
            if (await EscalateAsync(db, alert, now, ct))
            {
                escalated++;
            }
        }
        return escalated;
    }

    private async Task<bool> EscalateAsync(JiayuanDbContext db, Alert alert, DateTimeOffset now, CancellationToken ct)
    {
        var reach = await ReachAsync(alert.PlacePath, ct);
        var level = alert.Level + 1;
        DateTimeOffset? next = level < reach.MaxLevel ? now.AddSeconds(options.Value.AckTimeoutSeconds) : null;
        List<(long UserId, long ResponderId, string Name)> added;
        AlertEvent evt;
        List<long> existing;
        await using (await WriteLockAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AdvisoryLockAsync(db, ct);
            var claimed = await db.Set<Alert>()
                .Where(a => a.Id == alert.Id && a.Level == alert.Level && a.FirstAckAt == null && a.State == AlertState.Open && a.EscalateAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Level, level).SetProperty(a => a.EscalateAt, next), ct);
            if (claimed != 1)
            {
                return false; // another instance escalated it, or someone acknowledged it meanwhile
            }
            evt = new AlertEvent { AlertId = alert.Id, Type = AlertEventType.Escalated, Level = level, At = now, Note = reach.LevelName(level) };
            db.Add(evt);
            await db.SaveChangesAsync(ct);
            existing = await db.Set<AlertRecipient>().Where(r => r.AlertId == alert.Id).Select(r => r.UserId).ToListAsync(ct);
            var targets = await TargetsAsync(db, reach, level, ct);
            added = [.. targets.Where(t => !existing.Contains(t.UserId))];
            foreach (var t in added)
            {
                db.Add(new AlertRecipient { AlertId = alert.Id, UserId = t.UserId, ResponderId = t.ResponderId, SinceEventId = evt.Id });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        alert.Level = level;
        alert.EscalateAt = next;
        await dispatcher.UpdatedAsync(existing, ToUpdate(evt, alert.State), WatchPaths(alert.PlacePath), ct);
        if (added.Count > 0)
        {
            var view = await ViewAsync(db, alert, evt.Id, ct);
            await dispatcher.RaisedAsync([.. added.Select(t => t.UserId)], view, [], ct);
            await dispatcher.NotifyOfflineAsync(added, alert, ct);
        }
        return true;
    }

    /// <summary>
    /// Every message the user missed after <paramref name="lastEventId"/>, in event order, each once: those of the alerts delivered
    /// to them, and of the alerts under the places their console watches.
    /// </summary>
    public async Task<IReadOnlyList<ResumeItem>> ResumeAsync(long userId, long lastEventId, CancellationToken ct, IReadOnlyList<string>? watchedPaths = null)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from e in db.Set<AlertEvent>().AsNoTracking()
                          join r in db.Set<AlertRecipient>() on e.AlertId equals r.AlertId
                          where r.UserId == userId && e.Id > lastEventId && e.Id >= r.SinceEventId
                          orderby e.Id
                          select new { Event = e, r.SinceEventId }).Take(5000).ToListAsync(ct);
        foreach (var path in watchedPaths ?? [])
        {
            var (lo, hi) = TreePath.Descendants(path);
            var watched = await (from e in db.Set<AlertEvent>().AsNoTracking()
                                 join a in db.Set<Alert>() on e.AlertId equals a.Id
                                 where e.Id > lastEventId && (a.PlacePath == path || (string.Compare(a.PlacePath, lo) >= 0 && string.Compare(a.PlacePath, hi) < 0))
                                 orderby e.Id
                                 select e).Take(5000).ToListAsync(ct);
            var raisedIds = await db.Set<AlertEvent>().AsNoTracking()
                .Where(e => watched.Select(w => w.AlertId).Distinct().Contains(e.AlertId) && e.Type == AlertEventType.Raised)
                .ToDictionaryAsync(e => e.AlertId, e => e.Id, ct);
            rows.AddRange(watched.Select(e => new { Event = e, SinceEventId = raisedIds.GetValueOrDefault(e.AlertId) }));
        }
        // A recipient's own row wins over a watched one (it may start at an escalation); then one row per event, in order.
        rows = [.. rows.GroupBy(x => x.Event.Id).Select(g => g.First()).Where(x => x.Event.Id >= x.SinceEventId).OrderBy(x => x.Event.Id)];
        var alertIds = rows.Select(x => x.Event.AlertId).Distinct().ToList();
        var alerts = await db.Set<Alert>().AsNoTracking().Where(a => alertIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var result = new List<ResumeItem>(rows.Count);
        foreach (var row in rows)
        {
            var alert = alerts[row.Event.AlertId];
            result.Add(row.Event.Id == row.SinceEventId
                ? new ResumeItem(row.Event.Id, await ViewAsync(db, alert, row.Event.Id, ct), null)
                : new ResumeItem(row.Event.Id, null, ToUpdate(row.Event, alert.State)));
        }
        return result;
    }

    /// <summary>The alert with its timeline, for its raiser, its recipients and staff whose scope covers its place; null otherwise.</summary>
    public async Task<(AlertView Alert, IReadOnlyList<AlertUpdate> Timeline, IReadOnlyList<string> Photos)?> DetailAsync(long alertId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null || !await CanSeeAsync(db, alert, user, ct))
        {
            return null;
        }
        var events = await db.Set<AlertEvent>().AsNoTracking().Where(e => e.AlertId == alertId).OrderBy(e => e.Id).ToListAsync(ct);
        var reach = await ReachAsync(alert.PlacePath, ct);
        var photos = await db.Set<AlertPhoto>().Where(p => p.AlertId == alertId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return (ToView(alert, events.Count > 0 ? events[^1].Id : 0, events, reach), [.. events.Select(e => ToUpdate(e, alert.State))],
            [.. photos.Select(p => Raise.AlertPhotos.Url(alertId, p))]);
    }

    internal static async Task<bool> CanSeeAsync(JiayuanDbContext db, Alert alert, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Covers(alert.PlacePath, Staff))
        {
            return true;
        }
        var userId = user.UserId() ?? 0;
        return alert.RaisedById == userId || await db.Set<AlertRecipient>().AnyAsync(r => r.AlertId == alert.Id && r.UserId == userId, ct);
    }

    internal async Task<AlertView> ViewAsync(JiayuanDbContext db, Alert alert, long eventId, CancellationToken ct)
    {
        var events = await db.Set<AlertEvent>().AsNoTracking().Where(e => e.AlertId == alert.Id && e.Id <= eventId).OrderBy(e => e.Id).ToListAsync(ct);
        return ToView(alert, eventId, events, await ReachAsync(alert.PlacePath, ct));
    }

    private static AlertView ToView(Alert a, long eventId, IReadOnlyList<AlertEvent> events, Reach reach)
    {
        var responders = events.Where(e => e.ResponderId != null).GroupBy(e => e.ResponderId)
            .Select(g => g.OrderBy(e => e.Id).Last())
            .OrderBy(e => e.Id)
            .Select(e => new ResponderOnAlert(e.ResponderName ?? "", e.Unit ?? "", ToStatus(e.Type), e.EtaMinutes, e.At))
            .ToList();
        return new AlertView(a.Id, eventId, a.Kind, a.PlaceId, a.PlaceName, a.PlacePath, a.Latitude, a.Longitude, a.Text, a.RaisedByName, a.RaisedAt,
            a.State, a.Level, reach.LevelName(a.Level), responders);
    }

    private static ResponseStatus ToStatus(AlertEventType type) => type switch
    {
        AlertEventType.OnMyWay => ResponseStatus.OnMyWay,
        AlertEventType.OnScene => ResponseStatus.OnScene,
        AlertEventType.Resolved => ResponseStatus.Resolved,
        _ => ResponseStatus.Acknowledged,
    };

    internal static AlertUpdate ToUpdate(AlertEvent e, AlertState state) =>
        new(e.Id, e.AlertId, e.Type, e.ResponderName, e.Unit, e.EtaMinutes, e.Note, e.Level, state, e.At);

    /// <summary>Staff consoles watching a place or one of its ancestors see the alert too.</summary>
    internal static IReadOnlyList<string> WatchPaths(string placePath) => TreePath.Ancestors(placePath);

    /// <summary>
    /// The reach of an alert. Every on-duty responder whose area covers the place (the place or an ancestor) gets it at once,
    /// with the responders inside its courtyard (or inside the place when it is in no courtyard). Unacknowledged, it escalates
    /// outward: level 1 adds every responder inside the community, level 2 every responder of the subdistrict that belongs to
    /// no other community (park and business-district units, subdistrict teams). Another community's responders never get it.
    /// </summary>
    internal sealed record Reach(string PlacePath, IReadOnlyList<(string Path, PlaceKind Kind)> Roots, IReadOnlyList<string> OtherCommunities)
    {
        public int MaxLevel => Roots.Count - 1;

        public string LevelName(int level) => Places.Contracts.PlaceLabels.Kind(Roots[Math.Clamp(level, 0, Roots.Count - 1)].Kind);
    }

    internal async Task<Reach> ReachAsync(string placePath, CancellationToken ct)
    {
        var chain = new List<PlaceSummary>();
        foreach (var path in TreePath.Ancestors(placePath))
        {
            if (await places.FindByPathAsync(path, ct) is { } p)
            {
                chain.Add(p);
            }
        }
        var roots = new List<(string Path, PlaceKind Kind)>();
        var self = chain.Count > 0 ? chain[^1] : null;
        var courtyard = chain.LastOrDefault(p => p.Kind == PlaceKind.Courtyard);
        var community = chain.LastOrDefault(p => p.Kind == PlaceKind.Community);
        if (courtyard is not null)
        {
            roots.Add((courtyard.Path, courtyard.Kind));
        }
        else if (self is not null && self.Kind is not (PlaceKind.Community or PlaceKind.Subdistrict))
        {
            roots.Add((self.Path, self.Kind));
        }
        if (community is not null)
        {
            roots.Add((community.Path, community.Kind));
        }
        var top = chain.Count > 0 ? chain[0] : null;
        roots.Add((top?.Path ?? placePath, top?.Kind ?? PlaceKind.Subdistrict));
        var communities = await places.CommunitiesAsync(ct);
        return new Reach(placePath, roots, [.. communities.Where(c => c.Path != community?.Path).Select(c => c.Path)]);
    }

    /// <summary>On-duty responders reached at <paramref name="level"/> (cumulative).</summary>
    private static async Task<List<(long UserId, long ResponderId, string Name)>> TargetsAsync(JiayuanDbContext db, Reach reach, int level, CancellationToken ct)
    {
        var root = reach.Roots[Math.Clamp(level, 0, reach.Roots.Count - 1)].Path;
        var (lo, hi) = TreePath.Descendants(root);
        var covering = TreePath.Ancestors(reach.PlacePath);
        var rows = await (from a in db.Set<ResponderArea>()
                          join r in db.Set<Responder>() on a.ResponderId equals r.Id
                          where r.Duty == DutyStatus.OnDuty
                                && (a.PlacePath == root || (string.Compare(a.PlacePath, lo) >= 0 && string.Compare(a.PlacePath, hi) < 0)
                                    || covering.Contains(a.PlacePath))
                          select new { r.UserId, r.Id, r.Name, a.PlacePath }).ToListAsync(ct);
        return
        [
            .. rows.Where(r => !reach.OtherCommunities.Any(c => Scope.IsWithin(r.PlacePath, c)))
                .DistinctBy(r => r.UserId).Select(r => (r.UserId, r.Id, r.Name)),
        ];
    }

    private static async Task<IAsyncDisposable> WriteLockAsync(JiayuanDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            await _sqliteGate.WaitAsync(ct);
            return new Release();
        }
        return NoLock.Instance;
    }

    /// <summary>PostgreSQL: one event writer at a time across instances, so event ids become visible in increasing order.</summary>
    private static async Task AdvisoryLockAsync(JiayuanDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7365501)", ct);
        }
    }

    private sealed class Release : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            _sqliteGate.Release();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
