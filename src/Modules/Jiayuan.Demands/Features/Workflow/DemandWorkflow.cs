using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Read;
using Jiayuan.Demands.Features.Submit;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiayuan.Demands.Features.Workflow;

/// <summary>Every action carries the version the caller saw (optional); a stale version gets 409 and changes nothing.</summary>
public sealed record DispatchInput(string? HandlerCode, string? Reason, int? Version);
public sealed record NoteInput(string? Note, bool Public, int? Version);
public sealed record ReturnInput(string? Reason, string? Note, string? SuggestedCode, int? Version);
public sealed record ExtensionInput(int? Days, string? Reason, int? Version);
public sealed record ExtensionDecision(bool Approve, string? Note, int? Version);
public sealed record ReplyInput(string? Reply, int? Version);
public sealed record RateInput(string? Satisfaction, bool? Resolved, string? Comment, int? Version);
public sealed record PhotoModeration(bool Hidden, string? Reason, int? Version);

/// <summary>The outcome of an action: the demand after it, or why it was refused (status + localized reason).</summary>
internal sealed record Verdict(int Status, string? Reason, Demand? Demand = null)
{
    public bool Ok => Status is 200;
}

public static class DemandWorkflowEndpoints
{
    public static RouteGroupBuilder MapDemandWorkflow(this RouteGroupBuilder api)
    {
        Map(api, "dispatch", "DispatchDemand", "Dispatch or re-dispatch to a unit (dispatcher override with a reason; arbitration after a return).",
            (DemandWorkflow w, long id, DispatchInput i, ClaimsPrincipal u, CancellationToken ct) => w.DispatchAsync(id, i, u, ct));
        Map(api, "accept", "AcceptDemand", "The unit signs for the demand (签收).",
            (DemandWorkflow w, long id, NoteInput? i, ClaimsPrincipal u, CancellationToken ct) => w.AcceptAsync(id, i?.Version, u, ct));
        Map(api, "return", "ReturnDemand", "The unit returns the demand (退单) with a reason: WrongPlace, WrongFunction or UnclearOwnership.",
            (DemandWorkflow w, long id, ReturnInput i, ClaimsPrincipal u, CancellationToken ct) => w.ReturnAsync(id, i, u, ct));
        Map(api, "progress", "RecordDemandProgress", "A progress note, internal or public.",
            (DemandWorkflow w, long id, NoteInput i, ClaimsPrincipal u, CancellationToken ct) => w.ProgressAsync(id, i, u, ct));
        Map(api, "contact", "RecordRequesterContact", "The unit contacted the requester (counts for the response rate).",
            (DemandWorkflow w, long id, NoteInput? i, ClaimsPrincipal u, CancellationToken ct) => w.ContactAsync(id, i, u, ct));
        Map(api, "extension", "RequestDemandExtension", "Ask for more working days, before the deadline.",
            (DemandWorkflow w, long id, ExtensionInput i, ClaimsPrincipal u, CancellationToken ct) => w.RequestExtensionAsync(id, i, u, ct));
        Map(api, "extension/decision", "DecideDemandExtension", "The dispatcher approves or refuses an extension request.",
            (DemandWorkflow w, long id, ExtensionDecision i, ClaimsPrincipal u, CancellationToken ct) => w.DecideExtensionAsync(id, i, u, ct));
        Map(api, "reply", "ReplyToDemand", "The unit replies with the outcome.",
            (DemandWorkflow w, long id, ReplyInput i, ClaimsPrincipal u, CancellationToken ct) => w.ReplyAsync(id, i, u, ct));
        Map(api, "rating", "RateDemand", "Follow-up (回访): Satisfied / BasicallySatisfied / Unsatisfied and resolved or not; unsatisfied or unresolved reopens it (重办).",
            (DemandWorkflow w, long id, RateInput i, ClaimsPrincipal u, CancellationToken ct) => w.RateAsync(id, i, u, ct));
        Map(api, "urge", "UrgeDemand", "A dispatcher urges the unit (催办).",
            (DemandWorkflow w, long id, NoteInput? i, ClaimsPrincipal u, CancellationToken ct) => w.UrgeAsync(id, i, u, ct));
        api.MapPost("/demands/{id:long}/photos/{photoId:long}/moderation",
                async (long id, long photoId, PhotoModeration input, DemandWorkflow workflow, JiayuanDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                    await ResultAsync(await workflow.ModeratePhotoAsync(id, photoId, input, user, ct), db, user, l, ct))
            .RequireAuthorization().WithName("ModerateDemandPhoto")
            .WithSummary("The demand's dispatchers or handling unit hide a photo from the public, with a reason (a face, a licence plate, someone's home), or show it again.");
        return api;
    }

    private static void Map<TInput>(RouteGroupBuilder api, string action, string name, string summary,
        Func<DemandWorkflow, long, TInput, ClaimsPrincipal, CancellationToken, Task<Verdict>> run) =>
        api.MapPost($"/demands/{{id:long}}/{action}", async (long id, TInput input, DemandWorkflow workflow, JiayuanDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await ResultAsync(await run(workflow, id, input, user, ct), db, user, l, ct))
            .RequireAuthorization().WithName(name).WithSummary(summary);

    private static async Task<IResult> ResultAsync(Verdict verdict, JiayuanDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        verdict.Ok
            ? Results.Ok(await DemandViews.BuildAsync(db, verdict.Demand!, user, ct))
            : verdict.Status == 404 ? Results.NotFound()
            : Results.Problem(detail: verdict.Reason, statusCode: verdict.Status, title: l[verdict.Status switch { 403 => "Not allowed", 409 => "Conflict", 422 => "Not possible now", _ => "The request has invalid fields." }]);
}

/// <summary>The state machine in use: each action checks visibility (404), state (409), the caller's role (403) and its rule (422/400).</summary>
internal sealed class DemandWorkflow(
    JiayuanDbContext db, IPlaceDirectory places, WorkCalendar calendar, DemandChanges changes, TimeProvider clock, IOptions<DemandOptions> options, IStringLocalizer<SharedResource> l)
{
    private delegate Task<Verdict?> Change(Demand demand, DateTimeOffset now);

    private async Task<Verdict> ActAsync(long id, int? version, ClaimsPrincipal user, DemandAction action, Func<Demand, string?> forbidden, Change change, CancellationToken ct)
    {
        var demand = await db.Set<Demand>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null || !DemandAccess.CanSee(user, demand))
        {
            return new Verdict(404, null);
        }
        if (!DemandRules.Allows(demand.Status, action))
        {
            var allowed = string.Join(l["、"], DemandRules.AllowedFrom(action).Select(s => l[DemandRules.Label(s)].Value));
            return new Verdict(409, l["This demand is {0}; this can be done only when it is {1}.", l[DemandRules.Label(demand.Status)], allowed]);
        }
        if (forbidden(demand) is { } why)
        {
            return new Verdict(403, why);
        }
        if (version is { } v && v != demand.Version)
        {
            return Stale();
        }
        var now = clock.GetUtcNow();
        if (await change(demand, now) is { } refused)
        {
            return refused;
        }
        demand.Version++;
        demand.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        await changes.ChangedAsync(ct);
        return new Verdict(200, null, demand);
    }

    private Verdict Stale() => new(409, l["Someone else changed this demand in the meantime. Reload it and try again; nothing was saved."]);

    private string? NotHandler(ClaimsPrincipal user, Demand d) =>
        DemandAccess.IsHandler(user, d) ? null : l["Only {0}, the unit handling this demand, can do this.", d.HandlerName ?? ""].Value;

    private string? NotDispatcher(ClaimsPrincipal user, Demand d) =>
        DemandAccess.IsDispatcher(user, d) ? null : l["Only a dispatcher of this demand's community or the subdistrict can do this."].Value;

    private static string Actor(ClaimsPrincipal user, Demand d, bool asHandler) =>
        asHandler && d.HandlerName is { } unit ? unit : user.Identity?.Name ?? "";

    private void Event(Demand d, DateTimeOffset now, DemandEventKind kind, ClaimsPrincipal? user, string actor, string? note, bool isPublic) =>
        db.Add(new DemandEvent { DemandId = d.Id, At = now, Kind = kind, ActorUserId = user?.UserId(), Actor = actor, Note = note, Public = isPublic, HandlerName = d.HandlerName });

    public async Task<Verdict> DispatchAsync(long id, DispatchInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var target = string.IsNullOrWhiteSpace(input.HandlerCode) ? null : await places.FindByCodeAsync(input.HandlerCode.Trim(), ct);
        return await ActAsync(id, input.Version, user, DemandAction.Dispatch, d => NotDispatcher(user, d), async (d, now) =>
        {
            if (target is null)
            {
                return new Verdict(400, l["Choose the unit to dispatch to."]);
            }
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                return new Verdict(400, l["Say why the demand is dispatched by hand."]);
            }
            if (d.Status == DemandStatus.Returned && d.HandlerPath == target.Path && !user.Covers(d.CommunityPath, Role.SubdistrictAdmin))
            {
                return new Verdict(422, l["The unit returned this demand; only the subdistrict can send it back to the same unit (arbitration)."]);
            }
            var days = await calendar.DaysAsync(ct);
            var category = await db.Set<Category>().AsNoTracking().FirstAsync(c => c.Id == d.CategoryId, ct);
            d.HandlerPath = target.Path;
            d.HandlerName = target.Name;
            d.CoHandlerNames = null;
            d.CoHandlerPaths = null;
            d.Status = DemandStatus.Dispatched;
            d.DispatchedAt = now;
            d.AcceptBy = now + DemandRules.AcceptLimit(d.Urgency);
            d.AcceptedAt = null;
            d.SetDeadline(now, DemandRules.Deadline(days, now, d.Urgency, d.Type, category.FeedbackWorkingDays), options.Value.UrgeAtPercent);
            Event(d, now, DemandEventKind.Dispatched, user, l["Dispatcher"], l["Dispatched to {0}: {1}", target.Name, input.Reason.Trim()], true);
            DemandNotifier.Notify(db, d, now, l["Your demand is now handled by {0}.", target.Name], l["New demand to accept: {0}", DemandIntake.Short(d.Description)]);
            return null;
        }, ct);
    }

    public Task<Verdict> AcceptAsync(long id, int? version, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, version, user, DemandAction.Accept, d => NotHandler(user, d), (d, now) =>
        {
            d.Status = DemandStatus.Accepted;
            d.AcceptedAt = now;
            d.RespondedInTime |= now <= d.AcceptBy;
            Event(d, now, DemandEventKind.Accepted, user, Actor(user, d, true), null, true);
            DemandNotifier.Notify(db, d, now, l["{0} accepted your demand.", d.HandlerName ?? ""], null);
            return Task.FromResult<Verdict?>(null);
        }, ct);

    public async Task<Verdict> ReturnAsync(long id, ReturnInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var suggested = string.IsNullOrWhiteSpace(input.SuggestedCode) ? null : await places.FindByCodeAsync(input.SuggestedCode.Trim(), ct);
        return await ActAsync(id, input.Version, user, DemandAction.Return, d => NotHandler(user, d), (d, now) =>
        {
            if (!Enum.TryParse<ReturnReason>(input.Reason, ignoreCase: true, out var reason))
            {
                return Task.FromResult<Verdict?>(new Verdict(400, l["Choose why the demand is returned: wrong place, wrong function or unclear ownership."]));
            }
            if (string.IsNullOrWhiteSpace(input.Note))
            {
                return Task.FromResult<Verdict?>(new Verdict(400, l["Explain the return so the requester knows where to go instead."]));
            }
            var note = l["Returned by {0}: {1}. {2}", d.HandlerName ?? "", l[DemandRules.Label(reason)], input.Note.Trim()].Value
                + (suggested is null ? "" : " " + l["Suggested unit: {0}.", suggested.Name]);
            d.Status = DemandStatus.Returned;
            Event(d, now, DemandEventKind.Returned, user, Actor(user, d, true), note, true);
            DemandNotifier.Notify(db, d, now, note, null);
            DemandNotifier.ToDispatchers(db, d, now, l["Returned, to re-dispatch: {0}", DemandIntake.Short(d.Description)]);
            return Task.FromResult<Verdict?>(null);
        }, ct);
    }

    public Task<Verdict> ProgressAsync(long id, NoteInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.Progress, d => DemandAccess.IsCoHandler(user, d) ? null : NotHandler(user, d), (d, now) =>
        {
            if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Length > 2000)
            {
                return Task.FromResult<Verdict?>(new Verdict(400, l["Write the progress note (at most 2000 characters)."]));
            }
            d.Status = DemandStatus.InProgress;
            Event(d, now, DemandEventKind.Progress, user, Actor(user, d, true), input.Note.Trim(), input.Public);
            DemandNotifier.Notify(db, d, now, input.Public ? l["Progress on your demand: {0}", DemandIntake.Short(input.Note.Trim())].Value : null, null);
            return Task.FromResult<Verdict?>(null);
        }, ct);

    public Task<Verdict> ContactAsync(long id, NoteInput? input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input?.Version, user, DemandAction.Contact, d => NotHandler(user, d), (d, now) =>
        {
            d.ContactedAt ??= now;
            d.RespondedInTime |= now <= d.AcceptBy;
            Event(d, now, DemandEventKind.Contacted, user, Actor(user, d, true), input?.Note?.Trim(), false);
            return Task.FromResult<Verdict?>(null);
        }, ct);

    public Task<Verdict> RequestExtensionAsync(long id, ExtensionInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.RequestExtension, d => NotHandler(user, d), (d, now) =>
        {
            if (d.Deadline is { } deadline && now > deadline)
            {
                return Task.FromResult<Verdict?>(new Verdict(422, l["The deadline has passed; an extension must be asked before it."]));
            }
            if (d.ExtensionDays is not null)
            {
                return Task.FromResult<Verdict?>(new Verdict(422, l["An extension request is already waiting for the dispatcher."]));
            }
            if (input.Days is not (>= 1 and <= 30) || string.IsNullOrWhiteSpace(input.Reason))
            {
                return Task.FromResult<Verdict?>(new Verdict(400, l["Ask for 1 to 30 working days and give the reason."]));
            }
            d.ExtensionDays = input.Days;
            d.ExtensionReason = input.Reason.Trim();
            Event(d, now, DemandEventKind.ExtensionRequested, user, Actor(user, d, true), l["{0} working days: {1}", input.Days, input.Reason.Trim()], false);
            DemandNotifier.ToDispatchers(db, d, now, l["Extension requested: {0}", DemandIntake.Short(d.Description)]);
            return Task.FromResult<Verdict?>(null);
        }, ct);

    public Task<Verdict> DecideExtensionAsync(long id, ExtensionDecision input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.DecideExtension, d => NotDispatcher(user, d), async (d, now) =>
        {
            if (d.ExtensionDays is not { } days)
            {
                return new Verdict(422, l["There is no extension request to decide."]);
            }
            if (input.Approve)
            {
                var calendarDays = await calendar.DaysAsync(ct);
                // The deadline is 24:00 of its last day: count the extra working days from that day, not the next.
                var lastDay = (d.Deadline ?? now).AddTicks(-1);
                d.SetDeadline(d.DispatchedAt ?? now, WorkCalendar.AddWorkingDays(calendarDays, lastDay, days), options.Value.UrgeAtPercent);
                Event(d, now, DemandEventKind.ExtensionApproved, user, l["Dispatcher"], l["New deadline {0}", Jiayuan.Core.Text.Dates.Format(d.Deadline!.Value)] + (input.Note is { Length: > 0 } n ? " " + n : ""), true);
            }
            else
            {
                Event(d, now, DemandEventKind.ExtensionRefused, user, l["Dispatcher"], input.Note?.Trim(), false);
            }
            DemandNotifier.Notify(db, d, now, null, input.Approve ? l["Extension approved."] : l["Extension refused."]);
            d.ExtensionDays = null;
            d.ExtensionReason = null;
            return null;
        }, ct);

    public Task<Verdict> ReplyAsync(long id, ReplyInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.Reply, d => NotHandler(user, d), (d, now) =>
        {
            if (string.IsNullOrWhiteSpace(input.Reply) || input.Reply.Length > 4000)
            {
                return Task.FromResult<Verdict?>(new Verdict(400, l["Write the reply (at most 4000 characters)."]));
            }
            d.Status = DemandStatus.Replied;
            d.Reply = input.Reply.Trim();
            d.RepliedAt = now;
            Event(d, now, DemandEventKind.Replied, user, Actor(user, d, true), d.Reply, true);
            DemandNotifier.Notify(db, d, now, l["{0} replied to your demand; please rate it.", d.HandlerName ?? ""], null);
            return Task.FromResult<Verdict?>(null);
        }, ct);

    public Task<Verdict> RateAsync(long id, RateInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.Rate,
            d => DemandAccess.IsRequester(user, d) || DemandAccess.IsDispatcher(user, d) ? null : l["Only the requester, or staff calling them back, can rate the demand."].Value,
            (d, now) =>
            {
                if (!Enum.TryParse<Satisfaction>(input.Satisfaction, ignoreCase: true, out var satisfaction) || input.Resolved is null)
                {
                    return Task.FromResult<Verdict?>(new Verdict(400, l["Choose satisfied, basically satisfied or unsatisfied, and whether it was resolved."]));
                }
                d.Satisfaction = satisfaction;
                d.Resolved = input.Resolved;
                d.RatingComment = input.Comment?.Trim() is { Length: > 0 } c ? c[..Math.Min(c.Length, 500)] : null;
                var byStaff = !DemandAccess.IsRequester(user, d);
                Event(d, now, DemandEventKind.Rated, user, byStaff ? l["Follow-up call"] : l["Requester"],
                    $"{l[DemandRules.Label(satisfaction)]} · {(input.Resolved.Value ? l["Problem resolved"] : l["Not resolved"])}" + (d.RatingComment is { } rc ? " · " + rc : ""), true);
                if (satisfaction == Satisfaction.Unsatisfied || !input.Resolved.Value)
                {
                    d.Status = DemandStatus.Reopened;
                    d.ReopenCount++;
                    d.RepliedAt = null;
                    return ReopenDeadlineAsync(d, now, user);
                }
                d.Status = DemandStatus.Closed;
                d.ClosedAt = now;
                d.ClosedOnTime = d.Deadline is null || (d.RepliedAt ?? now) <= d.Deadline;
                Event(d, now, DemandEventKind.Closed, user, l["System"], null, true);
                DemandNotifier.Notify(db, d, now, null, l["Demand closed: rated {0}.", l[DemandRules.Label(satisfaction)]]);
                return Task.FromResult<Verdict?>(null);
            }, ct);

    private async Task<Verdict?> ReopenDeadlineAsync(Demand d, DateTimeOffset now, ClaimsPrincipal user)
    {
        var days = await calendar.DaysAsync(CancellationToken.None);
        var category = await db.Set<Category>().AsNoTracking().FirstAsync(c => c.Id == d.CategoryId);
        d.SetDeadline(now, DemandRules.Deadline(days, now, d.Urgency, d.Type, category.FeedbackWorkingDays), options.Value.UrgeAtPercent);
        Event(d, now, DemandEventKind.Reopened, user, l["System"], l["Back to {0} to handle again (重办).", d.HandlerName ?? ""], true);
        DemandNotifier.Notify(db, d, now, null, l["Demand reopened after an unsatisfied rating: {0}", DemandIntake.Short(d.Description)]);
        return null;
    }

    /// <summary>Hides a photo from the public (the requester's page, Open311's media_url) or shows it again; staff still see it.</summary>
    public Task<Verdict> ModeratePhotoAsync(long id, long photoId, PhotoModeration input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input.Version, user, DemandAction.ModeratePhoto,
            d => DemandAccess.IsDispatcher(user, d) || DemandAccess.IsHandler(user, d) ? null : l["Only the demand's dispatchers and its handling unit can hide or show its photos."].Value,
            async (d, now) =>
            {
                var photo = await db.Set<DemandPhoto>().FirstOrDefaultAsync(p => p.Id == photoId && p.DemandId == d.Id, ct);
                if (photo is null)
                {
                    return new Verdict(404, null);
                }
                var reason = input.Reason?.Trim();
                if (!input.Hidden)
                {
                    (photo.HiddenAt, photo.HiddenReason) = (null, null);
                    Event(d, now, DemandEventKind.PhotoShown, user, user.Identity?.Name ?? "", null, false);
                    return null;
                }
                if (string.IsNullOrEmpty(reason) || reason.Length > 200)
                {
                    return new Verdict(400, l["Say why the photo is hidden (at most 200 characters)."]);
                }
                (photo.HiddenAt, photo.HiddenReason) = (now, reason);
                Event(d, now, DemandEventKind.PhotoHidden, user, user.Identity?.Name ?? "", reason, false);
                return null;
            }, ct);

    public Task<Verdict> UrgeAsync(long id, NoteInput? input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, input?.Version, user, DemandAction.Urge, d => NotDispatcher(user, d), (d, now) =>
        {
            d.Escalation = Math.Max(d.Escalation, 1);
            Event(d, now, DemandEventKind.Urged, user, l["Dispatcher"], input?.Note?.Trim(), false);
            DemandNotifier.Notify(db, d, now, null, l["Urged: {0}", DemandIntake.Short(d.Description)]);
            return Task.FromResult<Verdict?>(null);
        }, ct);
}
