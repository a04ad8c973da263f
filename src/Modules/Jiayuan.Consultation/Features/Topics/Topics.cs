using System.Security.Claims;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.Topics;

public sealed record TopicInput(long? PlaceId, TopicCategory? Category, string? Title, string? Text);

public sealed record CommentInput(string? Text);

public sealed record ReportInput(long? CommentId);

public sealed record ModerationInput(IReadOnlyList<long>? TopicIds, IReadOnlyList<long>? CommentIds, string? Action);

public sealed record TopicRow(long Id, string Title, TopicCategory Category, string PlaceName, string AuthorName, string? RoutedBodyName, int Supports,
    bool OnAgenda, long? MeetingId, DateTimeOffset CreatedAt);

public sealed record CommentRow(long Id, string AuthorName, string Text, DateTimeOffset CreatedAt);

public sealed record TopicDetail(TopicRow Topic, string Text, int SupportThreshold, IReadOnlyList<CommentRow> Comments);

public sealed record ModerationResult(int Topics, int Comments);

/// <summary>A topic as moderators see it: hidden ones included, with the number of reports.</summary>
public sealed record ModerationRow(long Id, string Title, TopicCategory Category, string PlaceName, string AuthorName, int Reports, bool Hidden, DateTimeOffset CreatedAt);

/// <summary>A comment as moderators see it: reported or hidden, with its topic and the number of reports.</summary>
public sealed record CommentModerationRow(long Id, long TopicId, string TopicTitle, string AuthorName, string Text, int Reports, bool Hidden, DateTimeOffset CreatedAt);

/// <summary>Classified democratic consultation (分类民主协商): raise, support, comment, report, moderate; supported topics go on an agenda.</summary>
public static class TopicEndpoints
{
    public static RouteGroupBuilder MapTopics(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/topics", async (TopicInput input, TopicService s, ClaimsPrincipal user, CancellationToken ct) => await s.RaiseAsync(input, user, ct))
            .RequireAuthorization().WithName("RaiseTopic").WithSummary("Raise a topic in a community; its category routes it to the body that consults on it.");
        api.MapGet("/consultation/topics", async (string? scope, TopicCategory? category, TopicService s, IPlaceDirectory places, CancellationToken ct) =>
                await places.ScopeAsync(scope, ct) is { } place ? Results.Ok(await s.ListAsync(place.Path, category, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListTopics").WithSummary("Topics under a place, most supported first (hidden ones left out).");
        api.MapGet("/consultation/topics/{id:long}", async (long id, TopicService s, CancellationToken ct) =>
                await s.DetailAsync(id, ct) is { } topic ? Results.Ok(topic) : Results.NotFound())
            .AllowAnonymous().WithName("GetTopic").WithSummary("A topic with its comments.");
        api.MapPost("/consultation/topics/{id:long}/support", async (long id, TopicService s, ClaimsPrincipal user, CancellationToken ct) => await s.SupportAsync(id, user, ct))
            .RequireAuthorization().WithName("SupportTopic").WithSummary("Support a topic (once per person); at the threshold it goes onto the body's next meeting.");
        api.MapPost("/consultation/topics/{id:long}/comments", async (long id, CommentInput input, TopicService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.CommentAsync(id, input, user, ct))
            .RequireAuthorization().WithName("CommentTopic").WithSummary("Comment on a topic.");
        api.MapPost("/consultation/topics/{id:long}/reports", async (long id, ReportInput input, TopicService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.ReportAsync(id, input, user, ct))
            .RequireAuthorization().WithName("ReportTopic").WithSummary("Report a topic or a comment as abusive; after N reports it is hidden until a moderator decides.");
        api.MapPost("/consultation/topics/moderation", async (ModerationInput input, TopicService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.ModerateAsync(input, user, ct))
            .RequireAuthorization().WithName("ModerateTopics").WithSummary("Hide or restore several topics and comments at once.");
        return api;
    }
}

/// <summary>Puts topics that reached the support threshold on the next meeting of the body they are routed to.</summary>
internal static class TopicAgenda
{
    public static int Threshold(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Consultation:TopicSupportThreshold", 10));

    public static async Task PlaceAsync(JiayuanDbContext db, Topic topic, IStringLocalizer l, DateTimeOffset now, CancellationToken ct)
    {
        if (topic.RoutedBodyId is not { } bodyId || topic.AgendaItemId is not null)
        {
            return;
        }
        var meeting = await db.Set<Meeting>().Where(m => m.BodyId == bodyId).ToListAsync(ct);
        var next = meeting.Where(m => m.StartsAt > now).OrderBy(m => m.StartsAt).FirstOrDefault();
        if (next is not null)
        {
            await AddAsync(db, next.Id, topic, l, now, ct);
        }
    }

    /// <summary>A new meeting takes the body's supported topics still waiting for one.</summary>
    public static async Task PullAsync(JiayuanDbContext db, long bodyId, long meetingId, int threshold, IStringLocalizer l, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.Set<Topic>().Where(t => t.RoutedBodyId == bodyId && t.AgendaItemId == null && !t.Hidden && t.Supports >= threshold).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var topic in waiting)
        {
            await AddAsync(db, meetingId, topic, l, now, ct);
        }
    }

    private static async Task AddAsync(JiayuanDbContext db, long meetingId, Topic topic, IStringLocalizer l, DateTimeOffset now, CancellationToken ct)
    {
        AgendaItem? item = null;
        for (var attempt = 0; item is null; attempt++)
        {
            var position = await db.Set<AgendaItem>().Where(a => a.MeetingId == meetingId).MaxAsync(a => (int?)a.Position, ct) ?? 0;
            var candidate = new AgendaItem { MeetingId = meetingId, Position = position + 1, Title = l["Residents' topic: {0}", topic.Title] };
            db.Add(candidate);
            try
            {
                await db.SaveChangesAsync(ct);
                item = candidate;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another item took that position at the same moment (unique per meeting): unless that one was this
                // topic's (another supporter won), try the next position.
                db.Entry(candidate).State = EntityState.Detached;
                if (await db.Set<Topic>().AsNoTracking().AnyAsync(t => t.Id == topic.Id && t.AgendaItemId != null, ct))
                {
                    return;
                }
            }
        }
        // Claim the topic: of two supporters crossing the threshold together, only one adds the item.
        var claimed = await db.Set<Topic>().Where(t => t.Id == topic.Id && t.AgendaItemId == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.AgendaItemId, item.Id), ct);
        if (claimed == 0)
        {
            db.Remove(item);
            await db.SaveChangesAsync(ct);
            return;
        }
        topic.AgendaItemId = item.Id;
        // Tell the one who raised it that their topic will be discussed (at once, or in their daily digest).
        await Notifications.Notifier.NotifyAsync(db, topic.AuthorId, $"topic:{topic.Id}:agenda", l["Your topic “{0}” is on the agenda of a meeting.", topic.Title], $"/topics/{topic.Id}", now, ct);
    }
}

internal sealed class TopicService(JiayuanDbContext db, IPlaceDirectory places, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Reports that hide a topic or comment until a moderator decides (configurable; 5 by default).</summary>
    private int AutoHideReports => Math.Max(1, configuration.GetValue("Consultation:TopicAutoHideReports", 5));

    /// <summary>The body kind that consults on a category (configurable per category).</summary>
    private BodyKind RouteOf(TopicCategory category) =>
        Enum.TryParse<BodyKind>(configuration[$"Consultation:TopicRouting:{category}"], out var kind) ? kind : category switch
        {
            TopicCategory.Parking or TopicCategory.Safety => BodyKind.JointMeeting,
            TopicCategory.PropertyFees or TopicCategory.Renovation => BodyKind.OwnersCommittee,
            _ => BodyKind.ResidentsCouncil,
        };

    public FieldErrors NewErrors() => new(l);

    public async Task<(TopicRow? Row, FieldErrors Errors)> RaiseCoreAsync(TopicInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var place = input.PlaceId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null || place.Kind is not (PlaceKind.Community or PlaceKind.Courtyard))
        {
            errors.Add("placeId", "Choose the community (or courtyard) the topic is about.");
        }
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add("category", "Choose a category.");
        }
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title")
            .Required("text", input.Text, "Content").MaxLength("text", input.Text, 4000, "Content");
        if (errors.Any || place is null || user.UserId() is not { } uid)
        {
            return (null, errors);
        }
        // Route to the nearest body of the category's kind: at the place, else at an ancestor.
        var kind = RouteOf(input.Category!.Value);
        var paths = TreePath.Ancestors(place.Path).Append(place.Path).ToList();
        var body = (await db.Set<Body>().AsNoTracking().Where(b => b.Kind == kind && paths.Contains(b.PlacePath)).ToListAsync(ct))
            .OrderByDescending(b => b.PlacePath.Length).FirstOrDefault();
        var topic = new Topic
        {
            PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Category = input.Category!.Value, Title = input.Title!.Trim(), Text = input.Text!.Trim(),
            AuthorId = uid, AuthorName = user.FindFirst("jy:name")?.Value ?? user.Identity?.Name ?? "?", RoutedBodyId = body?.Id, RoutedBodyName = body?.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(topic);
        await db.SaveChangesAsync(ct);
        return (Row(topic, null), errors);
    }

    public async Task<IResult> RaiseAsync(TopicInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (row, errors) = await RaiseCoreAsync(input, user, ct);
        return row is null ? errors.ToProblem() : TypedResults.Created($"/api/v1/consultation/topics/{row.Id}", row);
    }

    private static TopicRow Row(Topic t, long? meetingId) =>
        new(t.Id, t.Title, t.Category, t.PlaceName, Masking.Name(t.AuthorName), t.RoutedBodyName, t.Supports, t.AgendaItemId is not null, meetingId, t.CreatedAt);

    public async Task<List<TopicRow>> ListAsync(string path, TopicCategory? category, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var query = db.Set<Topic>().AsNoTracking().Where(t => !t.Hidden && (t.PlacePath == path || (string.Compare(t.PlacePath, from) >= 0 && string.Compare(t.PlacePath, to) < 0)));
        if (category is { } c)
        {
            query = query.Where(t => t.Category == c);
        }
        var topics = await query.OrderByDescending(t => t.Supports).ThenByDescending(t => t.Id).Take(100).ToListAsync(ct);
        var items = topics.Where(t => t.AgendaItemId is not null).Select(t => t.AgendaItemId!.Value).ToList();
        var meetings = await db.Set<AgendaItem>().Where(a => items.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.MeetingId, ct);
        return [.. topics.Select(t => Row(t, t.AgendaItemId is { } a && meetings.TryGetValue(a, out var m) ? m : null))];
    }

    public async Task<TopicDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var t = await db.Set<Topic>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && !x.Hidden, ct);
        if (t is null)
        {
            return null;
        }
        var meetingId = t.AgendaItemId is { } a ? await db.Set<AgendaItem>().Where(x => x.Id == a).Select(x => (long?)x.MeetingId).FirstOrDefaultAsync(ct) : null;
        var comments = await db.Set<TopicComment>().AsNoTracking().Where(c => c.TopicId == id && !c.Hidden).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorName, c.Text, c.CreatedAt }).ToListAsync(ct);
        return new TopicDetail(Row(t, meetingId), t.Text, TopicAgenda.Threshold(configuration),
            [.. comments.Select(c => new CommentRow(c.Id, Masking.Name(c.AuthorName), c.Text, c.CreatedAt))]);
    }

    /// <summary>Support once; returns the status and, on success, the topic.</summary>
    public async Task<(int Status, string? Reason, TopicRow? Row)> SupportCoreAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var topic = await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == id && !t.Hidden, ct);
        if (topic is null || user.UserId() is not { } uid)
        {
            return (404, null, null);
        }
        if (await db.Set<TopicSupport>().AnyAsync(s => s.TopicId == id && s.UserId == uid, ct))
        {
            return (409, l["You already support this topic."], null);
        }
        var now = clock.GetUtcNow();
        db.Add(new TopicSupport { TopicId = id, UserId = uid, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (409, l["You already support this topic."], null);
        }
        // The count is recomputed from the supports, so concurrent supporters never lose an increment.
        var supports = await db.Set<TopicSupport>().CountAsync(s => s.TopicId == id, ct);
        await db.Set<Topic>().Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Supports, supports), ct);
        topic.Supports = supports;
        if (supports >= TopicAgenda.Threshold(configuration))
        {
            await TopicAgenda.PlaceAsync(db, topic, l, now, ct);
        }
        return (200, null, Row(topic, null));
    }

    public async Task<IResult> SupportAsync(long id, ClaimsPrincipal user, CancellationToken ct) => await SupportCoreAsync(id, user, ct) switch
    {
        (404, _, _) => Results.NotFound(),
        (200, _, var row) => TypedResults.Ok(row),
        var (status, reason, _) => ConsultationAccess.Problem(status, reason ?? ""),
    };

    public async Task<IResult> CommentAsync(long id, CommentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.Set<Topic>().AnyAsync(t => t.Id == id && !t.Hidden, ct) || user.UserId() is not { } uid)
        {
            return Results.NotFound();
        }
        var errors = new FieldErrors(l);
        errors.Required("text", input.Text, "Comment").MaxLength("text", input.Text, 2000, "Comment");
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var comment = new TopicComment { TopicId = id, AuthorId = uid, AuthorName = user.FindFirst("jy:name")?.Value ?? user.Identity?.Name ?? "?", Text = input.Text!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        var topic = await db.Set<Topic>().AsNoTracking().FirstAsync(t => t.Id == id, ct);
        if (topic.AuthorId != uid)
        {
            await Notifications.Notifier.NotifyAsync(db, topic.AuthorId, $"topic:{id}:comments", l["New comments on your topic “{0}”", topic.Title], $"/topics/{id}", comment.CreatedAt, ct);
        }
        return TypedResults.Created($"/api/v1/consultation/topics/{id}", new CommentRow(comment.Id, Masking.Name(comment.AuthorName), comment.Text, comment.CreatedAt));
    }

    public async Task<IResult> ReportAsync(long id, ReportInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var topic = await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null || user.UserId() is not { } uid)
        {
            return Results.NotFound();
        }
        TopicComment? comment = null;
        if (input.CommentId is { } cid && (comment = await db.Set<TopicComment>().FirstOrDefaultAsync(c => c.Id == cid && c.TopicId == id, ct)) is null)
        {
            return new FieldErrors(l).Add("commentId", "Choose a comment of this topic.").ToProblem();
        }
        db.Add(new TopicReport { TopicId = id, CommentId = comment?.Id ?? 0, UserId = uid, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ConsultationAccess.Problem(409, l["You have already reported this."]);
        }
        var target = comment?.Id ?? 0;
        var reports = await db.Set<TopicReport>().CountAsync(r => r.TopicId == id && r.CommentId == target, ct);
        if (comment is not null)
        {
            comment.Reports = reports;
            comment.Hidden |= reports >= AutoHideReports;
        }
        else
        {
            topic.Reports = reports;
            topic.Hidden |= reports >= AutoHideReports;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new { reports, hidden = comment?.Hidden ?? topic.Hidden });
    }

    /// <summary>Topics under a place for moderators, hidden ones included, most reported first.</summary>
    public async Task<List<ModerationRow>> ModerationListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => t.PlacePath == path || (string.Compare(t.PlacePath, from) >= 0 && string.Compare(t.PlacePath, to) < 0))
            .OrderByDescending(t => t.Reports).ThenByDescending(t => t.Id).Take(200).ToListAsync(ct);
        return [.. topics.Select(t => new ModerationRow(t.Id, t.Title, t.Category, t.PlaceName, Masking.Name(t.AuthorName), t.Reports, t.Hidden, t.CreatedAt))];
    }

    /// <summary>Comments of topics under a place that were reported or hidden, most reported first (the moderation page).</summary>
    public async Task<List<CommentModerationRow>> CommentModerationListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var rows = await db.Set<TopicComment>().AsNoTracking().Where(c => c.Reports > 0 || c.Hidden)
            .Join(db.Set<Topic>().Where(t => t.PlacePath == path || (string.Compare(t.PlacePath, from) >= 0 && string.Compare(t.PlacePath, to) < 0)),
                c => c.TopicId, t => t.Id, (c, t) => new { c, t.Title })
            .OrderByDescending(x => x.c.Reports).ThenByDescending(x => x.c.Id).Take(200).ToListAsync(ct);
        return [.. rows.Select(x => new CommentModerationRow(x.c.Id, x.c.TopicId, x.Title, Masking.Name(x.c.AuthorName), x.c.Text, x.c.Reports, x.c.Hidden, x.c.CreatedAt))];
    }

    public async Task<IResult> ModerateAsync(ModerationInput input, ClaimsPrincipal user, CancellationToken ct) =>
        await ModerateCoreAsync(input, user, ct) switch
        {
            { Status: 200, Value: { } done } => TypedResults.Ok(done),
            var outcome => outcome.ToResult(""),
        };

    /// <summary>Hides or restores topics and comments in bulk; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<ModerationResult>> ModerateCoreAsync(ModerationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var hide = input.Action switch { "Hide" => true, "Restore" => false, _ => (bool?)null };
        if (hide is null)
        {
            errors.Add("action", "Choose Hide or Restore.");
        }
        var topicIds = input.TopicIds ?? [];
        var commentIds = input.CommentIds ?? [];
        if (topicIds.Count + commentIds.Count is 0 or > 500)
        {
            errors.Add("topicIds", "Choose 1 to 500 topics or comments.");
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var topics = await db.Set<Topic>().Where(t => topicIds.Contains(t.Id)).ToListAsync(ct);
        var comments = await db.Set<TopicComment>().Where(c => commentIds.Contains(c.Id)).ToListAsync(ct);
        var parents = await db.Set<Topic>().AsNoTracking().Where(t => comments.Select(c => c.TopicId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.PlacePath, ct);
        if (topics.Count != topicIds.Distinct().Count() || comments.Count != commentIds.Distinct().Count())
        {
            return new(default, null, 404);
        }
        if (topics.Any(t => !user.Covers(t.PlacePath, ConsultationAccess.Staff)) || comments.Any(c => !user.Covers(parents[c.TopicId], ConsultationAccess.Staff)))
        {
            return new(default, null, 403);
        }
        foreach (var t in topics)
        {
            t.Hidden = hide!.Value;
        }
        foreach (var c in comments)
        {
            c.Hidden = hide!.Value;
        }
        await db.SaveChangesAsync(ct);
        return new(new ModerationResult(topics.Count, comments.Count), null, 200);
    }
}
