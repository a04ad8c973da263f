using System.Collections.Concurrent;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jiayuan.Alerts.Features.Live;

/// <summary>
/// The alert hub (<c>/hubs/alerts</c>). Every connection must be signed in; a user receives the alerts delivered to them (as a
/// responder in reach, or as the raiser) and, after <see cref="Watch"/>, the alerts of a place their scope covers.
/// </summary>
[Authorize]
internal sealed class AlertsHub(AlertEngine engine, IPlaceDirectory places, ConnectionRegistry registry) : Hub<IAlertClient>
{
    public const string Path = "/hubs/alerts";

    public override Task OnConnectedAsync()
    {
        registry.Connected(UserId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        registry.Disconnected(UserId);
        return Task.CompletedTask;
    }

    /// <summary>Says "received".</summary>
    public Task<AlertUpdate> Acknowledge(long alertId) => Respond(alertId, ResponseStatus.Acknowledged, null, null);

    /// <summary>Says "received", "on my way" (with an ETA), "on scene" or "resolved" (with a note).</summary>
    public async Task<AlertUpdate> Respond(long alertId, ResponseStatus status, int? etaMinutes, string? note)
    {
        var (update, errors, code) = await engine.RespondAsync(alertId, new RespondInput(status, etaMinutes, note), Context.User!, Context.ConnectionAborted);
        return update ?? throw new HubException(code switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status403Forbidden => "This is outside your scope.",
            _ => string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)),
        });
    }

    /// <summary>Every message delivered to the caller after <paramref name="lastEventId"/>, in order; call it after (re)connecting.</summary>
    public Task<IReadOnlyList<ResumeItem>> Resume(long lastEventId) =>
        engine.ResumeAsync(UserId, lastEventId, Context.ConnectionAborted, Context.Items.TryGetValue(WatchedKey, out var w) ? (List<string>)w! : null);

    /// <summary>Joins the live feed of a place (a console of a community); refused outside the caller's scope.</summary>
    public async Task Watch(long placeId)
    {
        var place = await places.FindAsync(placeId, Context.ConnectionAborted);
        if (place is null || !Context.User!.Covers(place.Path, AlertEngine.Staff))
        {
            throw new HubException("This is outside your scope.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, AlertDispatcher.WatchGroup(place.Path), Context.ConnectionAborted);
        if (!Context.Items.TryGetValue(WatchedKey, out var watched))
        {
            Context.Items[WatchedKey] = watched = new List<string>();
        }
        ((List<string>)watched!).Add(place.Path);
    }

    private const string WatchedKey = "watched";

    private long UserId => Context.User!.UserId() ?? 0;
}

/// <summary>Which users have a console open on this instance (decides who also gets an out-of-browser notification).</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, int> _users = new();

    public void Connected(long userId) => _users.AddOrUpdate(userId, 1, (_, n) => n + 1);

    public void Disconnected(long userId)
    {
        if (_users.AddOrUpdate(userId, 0, (_, n) => n - 1) <= 0)
        {
            _users.TryRemove(new KeyValuePair<long, int>(userId, 0));
        }
    }

    public bool IsConnected(long userId) => _users.TryGetValue(userId, out var n) && n > 0;

    public int Count => _users.Count;
}

/// <summary>Sends committed alert events to the hub's clients, and to the notification channel for responders not connected.</summary>
internal sealed class AlertDispatcher(IHubContext<AlertsHub, IAlertClient> hub, ConnectionRegistry registry, IResponderNotifier notifier,
    ILogger<AlertDispatcher> logger)
{
    public static string WatchGroup(string placePath) => "watch:" + placePath;

    public async Task RaisedAsync(IReadOnlyList<long> userIds, AlertView alert, IReadOnlyList<string> watchPaths, CancellationToken ct)
    {
        await hub.Clients.Users(userIds.Select(Id)).AlertRaised(alert);
        if (watchPaths.Count > 0)
        {
            await hub.Clients.Groups(watchPaths.Select(WatchGroup)).AlertRaised(alert);
        }
    }

    public async Task UpdatedAsync(IReadOnlyList<long> userIds, AlertUpdate update, IReadOnlyList<string> watchPaths, CancellationToken ct)
    {
        await hub.Clients.Users(userIds.Select(Id)).AlertUpdated(update);
        if (watchPaths.Count > 0)
        {
            await hub.Clients.Groups(watchPaths.Select(WatchGroup)).AlertUpdated(update);
        }
    }

    /// <summary>Responders without an open console on this instance get the alert through <see cref="IResponderNotifier"/>.</summary>
    public async Task NotifyOfflineAsync(IEnumerable<(long UserId, long ResponderId, string Name)> targets, Alert alert, CancellationToken ct)
    {
        foreach (var t in targets.Where(t => !registry.IsConnected(t.UserId)))
        {
            try
            {
                await notifier.NotifyAsync(new ResponderNotification(t.UserId, t.Name, alert.Id, alert.Kind, alert.PlaceName, alert.Text,
                    "/alerts/" + alert.Id), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The alert is persisted and live: a failing channel must not fail the raise.
                logger.LogWarning(e, "Notification of alert {AlertId} to user {UserId} failed", alert.Id, t.UserId);
            }
        }
    }

    private static string Id(long userId) => userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The development channel: the message lands in the outbox (admin page), never leaves the machine.</summary>
internal sealed class OutboxResponderNotifier(IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock) : IResponderNotifier
{
    public async Task NotifyAsync(ResponderNotification n, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.OutboxMessages.Add(new Core.Messaging.OutboxMessage
        {
            CreatedAt = clock.GetUtcNow(),
            Channel = "alert",
            RecipientMasked = Masking.Name(n.ResponderName) + " #" + n.UserId,
            Body = $"【家园 一呼百应】{AlertLabels.Kind(n.Kind)} @ {n.PlaceName}: {n.Text} {n.Url}",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
