using System.Security.Claims;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jiayuan.Consultation.Features.Notifications;

public sealed record PreferenceInput(bool Daily);

public sealed record InboxRow(long Id, bool IsDigest, string Text, DateTimeOffset CreatedAt);

/// <summary>Notifications without floods: immediate, or a daily digest that groups repeats and is never sent empty.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/consultation/notifications", async (NotificationService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (daily, messages) = await s.InboxAsync(user.UserId()!.Value, ct);
                return Results.Ok(new { daily, messages });
            })
            .RequireAuthorization().WithName("ListConsultationNotifications").WithSummary("Your consultation inbox and whether you get a daily digest.");
        api.MapPut("/consultation/notifications/preference", async (PreferenceInput input, NotificationService s, ClaimsPrincipal user, CancellationToken ct) =>
                Results.Ok(new { daily = await s.SetDailyAsync(user.UserId()!.Value, input.Daily, ct) }))
            .RequireAuthorization().WithName("SetConsultationNotificationPreference").WithSummary("Choose immediate notifications or one daily digest.");
        return api;
    }
}

/// <summary>A user's inbox and their choice of immediate news or a daily digest; the inbox page and the endpoints share it.</summary>
internal sealed class NotificationService(JiayuanDbContext db)
{
    /// <summary>The latest 50 messages, newest first, and whether the user gets a daily digest.</summary>
    public async Task<(bool Daily, List<InboxRow> Messages)> InboxAsync(long userId, CancellationToken ct)
    {
        var rows = await db.Set<InboxMessage>().AsNoTracking().Where(m => m.UserId == userId).OrderByDescending(m => m.Id).Take(50)
            .Select(m => new InboxRow(m.Id, m.IsDigest, m.Text, m.CreatedAt)).ToListAsync(ct);
        return (await db.Set<NotificationPreference>().AnyAsync(p => p.UserId == userId && p.Daily, ct), rows);
    }

    public async Task<bool> SetDailyAsync(long userId, bool daily, CancellationToken ct)
    {
        var pref = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (pref is null)
        {
            db.Add(pref = new NotificationPreference { UserId = userId });
        }
        pref.Daily = daily;
        await db.SaveChangesAsync(ct);
        return pref.Daily;
    }
}

/// <summary>Queues news for users; immediate users get it in their inbox at once, the others in the daily digest.</summary>
internal static class Notifier
{
    public static Task NotifyAsync(JiayuanDbContext db, long userId, string key, string text, string? url, DateTimeOffset now, CancellationToken ct) =>
        NotifyAsync(db, [userId], key, text, url, now, ct);

    /// <summary>The same news for several users (a meeting's invitations): one preference query and two saves whatever their number.</summary>
    public static async Task NotifyAsync(JiayuanDbContext db, IReadOnlyCollection<long> userIds, string key, string text, string? url, DateTimeOffset now, CancellationToken ct)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var daily = (await db.Set<NotificationPreference>().Where(p => userIds.Contains(p.UserId) && p.Daily).Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
        var immediate = new List<(PendingNotification Pending, InboxMessage Message)>();
        foreach (var userId in userIds)
        {
            var pending = new PendingNotification { UserId = userId, Key = key, Text = text, Url = url, CreatedAt = now };
            db.Add(pending);
            if (!daily.Contains(userId))
            {
                var message = new InboxMessage { UserId = userId, Text = text, CreatedAt = now };
                db.Add(message);
                immediate.Add((pending, message));
            }
        }
        await db.SaveChangesAsync(ct);
        if (immediate.Count > 0)
        {
            foreach (var (pending, message) in immediate)
            {
                pending.MessageId = message.Id;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// One digest per user with pending news: repeats of a key become one line with a count ("… (×3)"); users without
    /// news get nothing. Returns the number of digests sent.
    /// </summary>
    public static async Task<int> SendDigestsAsync(JiayuanDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Set<PendingNotification>().Where(n => n.MessageId == null).OrderBy(n => n.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var user in pending.GroupBy(n => n.UserId))
        {
            var lines = user.GroupBy(n => n.Key).Select(g => g.Count() == 1 ? g.First().Text : $"{g.Last().Text}（×{g.Count()}）").ToList();
            if (lines.Count == 0)
            {
                continue;
            }
            var message = new InboxMessage { UserId = user.Key, IsDigest = true, Text = string.Join("\n", lines), CreatedAt = now };
            db.Add(message);
            await db.SaveChangesAsync(ct);
            foreach (var n in user)
            {
                n.MessageId = message.Id;
            }
            await db.SaveChangesAsync(ct);
            sent++;
        }
        return sent;
    }
}

/// <summary>Sends the daily digests once a day after 20:00 China time (checked every 10 minutes).</summary>
internal sealed class DigestService(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    private DateOnly? _lastDay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var local = Jiayuan.Core.Text.Dates.ToChina(clock.GetUtcNow());
            var today = DateOnly.FromDateTime(local.DateTime);
            if (local.Hour < 20 || _lastDay == today)
            {
                continue;
            }
            _lastDay = today;
            await using var scope = scopes.CreateAsyncScope();
            await Notifier.SendDigestsAsync(scope.ServiceProvider.GetRequiredService<JiayuanDbContext>(), clock.GetUtcNow(), stoppingToken);
        }
    }
}
