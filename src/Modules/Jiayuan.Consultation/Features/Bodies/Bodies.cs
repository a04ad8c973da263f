using System.Security.Claims;
using System.Security.Cryptography;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Core.Text;
using Jiayuan.Notices.Contracts;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.Bodies;

public sealed record BodyInput(long? PlaceId, BodyKind? Kind, string? Name);

public sealed record MemberInput(string? Name, string? Organization, long? UserId, bool Chair = false);

public sealed record MeetingInput(string? Title, DateTimeOffset? StartsAt, string? Location, IReadOnlyList<string>? Agenda, string? StreamUrl = null);

public sealed record CheckInInput(string? Code, long? MemberId);

public sealed record SpeakerInput(long? AgendaItemId);

public sealed record DecisionRecordInput(string? Text, AgendaOutcome? Outcome, int VotesFor = 0, int VotesAgainst = 0, int VotesAbstain = 0);

public sealed record MinutesInput(string? Html);

public sealed record BodyMemberRow(long Id, string Name, string Organization, bool Chair, bool Linked);

public sealed record BodySummary(long Id, string Name, BodyKind Kind, string PlaceName, int Members);

public sealed record MeetingSummary(long Id, string Title, DateTimeOffset StartsAt, string? Location, bool Streamed);

public sealed record BodyDetail(BodySummary Body, IReadOnlyList<BodyMemberRow> Members, IReadOnlyList<MeetingSummary> Meetings);

public sealed record AgendaRow(long Id, int Position, string Title, string? Decision, AgendaOutcome? Outcome, int VotesFor, int VotesAgainst, int VotesAbstain);

public sealed record SpeakerRow(long Id, string Name, long? AgendaItemId, bool Spoke);

/// <summary>A meeting; the check-in code only for the body's staff.</summary>
public sealed record MeetingDetail(MeetingSummary Meeting, long BodyId, string BodyName, string? StreamUrl, string? CheckInCode, int Members, int Present, bool QuorumPresent,
    string Quorum, IReadOnlyList<AgendaRow> Agenda, IReadOnlyList<SpeakerRow> Speakers, string? MinutesHtml, long? MinutesNoticeId);

/// <summary>Councils and joint meetings: bodies with members, meetings with agenda, check-in, quorum, speakers, minutes and decisions.</summary>
public static class BodyEndpoints
{
    public static RouteGroupBuilder MapBodies(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/bodies", async (BodyInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) => await s.CreateAsync(input, user, ct))
            .RequireAuthorization().WithName("CreateBody").WithSummary("Create a standing body (议事会, 业委会, 监事会, 物业, 联席会议, 智库) of a place.");
        api.MapGet("/consultation/bodies", async (string? scope, BodyService s, IPlaceDirectory places, CancellationToken ct) =>
                await places.ScopeAsync(scope, ct) is { } place ? Results.Ok(await s.ListAsync(place.Path, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListBodies").WithSummary("Bodies under a place.");
        api.MapGet("/consultation/bodies/{id:long}", async (long id, BodyService s, CancellationToken ct) =>
                await s.DetailAsync(id, ct) is { } body ? Results.Ok(body) : Results.NotFound())
            .AllowAnonymous().WithName("GetBody").WithSummary("A body with its members (names masked) and meetings.");
        api.MapPost("/consultation/bodies/{id:long}/members", async (long id, MemberInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.AddMemberAsync(id, input, user, ct))
            .RequireAuthorization().WithName("AddBodyMember").WithSummary("Add a member (from any organization) to a body.");
        api.MapPost("/consultation/bodies/{id:long}/meetings", async (long id, MeetingInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.CreateMeetingAsync(id, input, user, ct))
            .RequireAuthorization().WithName("CreateMeeting").WithSummary("Call a meeting with its agenda; returns the check-in code.");
        api.MapGet("/consultation/meetings/{id:long}", async (long id, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.MeetingAsync(id, user, ct) is { } m ? Results.Ok(m) : Results.NotFound())
            .AllowAnonymous().WithName("GetMeeting").WithSummary("A meeting: agenda and decisions, attendance and quorum, speakers, minutes.");
        api.MapPost("/consultation/meetings/{id:long}/check-in", async (long id, CheckInInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.CheckInAsync(id, input, user, ct))
            .RequireAuthorization().WithName("CheckInMeeting").WithSummary("A member checks in with the meeting's code; staff may check a member in.");
        api.MapPost("/consultation/meetings/{id:long}/speakers", async (long id, SpeakerInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.RequestToSpeakAsync(id, input, user, ct))
            .RequireAuthorization().WithName("RequestToSpeak").WithSummary("A member present asks to speak; the list keeps the order of requests.");
        api.MapPost("/consultation/meetings/{id:long}/agenda/{itemId:long}/decision", async (long id, long itemId, DecisionRecordInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.DecideAsync(id, itemId, input, user, ct))
            .RequireAuthorization().WithName("RecordAgendaDecision").WithSummary("Record the decision on an agenda item (needs the quorum present).");
        api.MapPost("/consultation/meetings/{id:long}/minutes", async (long id, MinutesInput input, BodyService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.MinutesAsync(id, input, user, ct))
            .RequireAuthorization().WithName("PublishMinutes").WithSummary("Save the minutes (sanitized) and publish them to the community's 居务公开 board.");
        return api;
    }
}

internal sealed class BodyService(JiayuanDbContext db, IPlaceDirectory places, INoticePublisher notices, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Quorum of a meeting: more than this share (percent) of the members present; 50 by default ("more than half").</summary>
    private int QuorumPercent => Math.Clamp(configuration.GetValue("Consultation:MeetingQuorumPercent", 50), 0, 99);

    public async Task<IResult> CreateAsync(BodyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await CreateCoreAsync(input, user, ct);
        return outcome.ToResult($"/api/v1/consultation/bodies/{outcome.Value?.Id}");
    }

    /// <summary>Creates a standing body; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<BodySummary>> CreateCoreAsync(BodyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var place = input.PlaceId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null)
        {
            errors.Add("placeId", "Choose the place the body serves.");
        }
        else if (!user.Covers(place.Path, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose the kind of body.");
        }
        errors.Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name");
        if (errors.Any || place is null)
        {
            return new(default, errors, 400);
        }
        var body = new Body { PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Kind = input.Kind!.Value, Name = input.Name!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(body);
        await db.SaveChangesAsync(ct);
        return new(new BodySummary(body.Id, body.Name, body.Kind, body.PlaceName, 0), null, 201);
    }

    public async Task<List<BodySummary>> ListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        return await db.Set<Body>().AsNoTracking()
            .Where(b => b.PlacePath == path || (string.Compare(b.PlacePath, from) >= 0 && string.Compare(b.PlacePath, to) < 0))
            .OrderBy(b => b.PlacePath).ThenBy(b => b.Kind)
            .Select(b => new BodySummary(b.Id, b.Name, b.Kind, b.PlaceName, db.Set<BodyMember>().Count(m => m.BodyId == b.Id))).Take(200).ToListAsync(ct);
    }

    public async Task<BodyDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var body = await db.Set<Body>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return null;
        }
        var members = await db.Set<BodyMember>().AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.Chair).ThenBy(m => m.Id).ToListAsync(ct);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.StartsAt)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.StartsAt, m.Location, m.StreamUrl != null)).Take(50).ToListAsync(ct);
        return new BodyDetail(new BodySummary(body.Id, body.Name, body.Kind, body.PlaceName, members.Count),
            [.. members.Select(m => new BodyMemberRow(m.Id, Masking.Name(m.Name), m.Organization, m.Chair, m.UserId is not null))], meetings);
    }

    private async Task<(Body? Body, int Status)> StaffBodyAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await db.Set<Body>().FirstOrDefaultAsync(b => b.Id == id, ct);
        return body is null ? (null, 404) : !user.Covers(body.PlacePath, ConsultationAccess.Staff) ? (null, 403) : (body, 200);
    }

    public async Task<IResult> AddMemberAsync(long id, MemberInput input, ClaimsPrincipal user, CancellationToken ct) =>
        (await AddMemberCoreAsync(id, input, user, ct)).ToResult($"/api/v1/consultation/bodies/{id}");

    /// <summary>Adds a member to a body; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<BodyMemberRow>> AddMemberCoreAsync(long id, MemberInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (body, refusal) = await StaffBodyAsync(id, user, ct);
        if (body is null)
        {
            return new(default, null, refusal);
        }
        var errors = new FieldErrors(l);
        errors.Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name")
            .Required("organization", input.Organization, "Member's organization").MaxLength("organization", input.Organization, 100, "Member's organization");
        if (input.UserId is { } uid)
        {
            if (!await db.Users.AnyAsync(u => u.Id == uid, ct))
            {
                errors.Add("userId", "There is no account with this number.");
            }
            else if (await db.Set<BodyMember>().AnyAsync(m => m.BodyId == id && m.UserId == uid, ct))
            {
                errors.Add("userId", "This account is already a member of the body.");
            }
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var member = new BodyMember { BodyId = id, Name = input.Name!.Trim(), Organization = input.Organization!.Trim(), UserId = input.UserId, Chair = input.Chair, JoinedAt = clock.GetUtcNow() };
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return new(new BodyMemberRow(member.Id, Masking.Name(member.Name), member.Organization, member.Chair, member.UserId is not null), null, 201);
    }

    public async Task<IResult> CreateMeetingAsync(long id, MeetingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await CreateMeetingCoreAsync(id, input, user, ct);
        return outcome.ToResult($"/api/v1/consultation/meetings/{outcome.Value?.Meeting.Id}");
    }

    /// <summary>Calls a meeting with its agenda; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<MeetingDetail>> CreateMeetingCoreAsync(long id, MeetingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (body, refusal) = await StaffBodyAsync(id, user, ct);
        if (body is null)
        {
            return new(default, null, refusal);
        }
        var errors = new FieldErrors(l);
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title").MaxLength("location", input.Location, 200, "Location");
        if (input.StartsAt is null)
        {
            errors.Add("startsAt", "Give the date and time of the meeting.");
        }
        var agenda = (input.Agenda ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (agenda.Count is < 1 or > 30 || agenda.Any(a => a.Length is 0 or > 200))
        {
            errors.Add("agenda", "Give 1 to 30 agenda items of at most 200 characters each.");
        }
        errors.HttpLink("streamUrl", input.StreamUrl, "The stream link must be an http(s) address.");
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var meeting = new Meeting
        {
            BodyId = id, PlacePath = body.PlacePath, Title = input.Title!.Trim(), StartsAt = input.StartsAt!.Value.ToUniversalTime(), Location = input.Location?.Trim(),
            StreamUrl = string.IsNullOrWhiteSpace(input.StreamUrl) ? null : input.StreamUrl.Trim(),
            CheckInCode = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < agenda.Count; i++)
        {
            db.Add(new AgendaItem { MeetingId = meeting.Id, Position = i + 1, Title = agenda[i] });
        }
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        await Topics.TopicAgenda.PullAsync(db, id, meeting.Id, Topics.TopicAgenda.Threshold(configuration), l, now, ct);
        // The body's members with an account are invited (at once, or in their daily digest).
        var invited = await db.Set<BodyMember>().Where(x => x.BodyId == id && x.UserId != null).Select(x => x.UserId!.Value).Distinct().ToListAsync(ct);
        await Notifications.Notifier.NotifyAsync(db, invited, $"meeting:{meeting.Id}",
            l["{0} meets on {1}: {2}", body.Name, Jiayuan.Core.Text.Dates.Format(meeting.StartsAt), meeting.Title], $"/meetings/{meeting.Id}", now, ct);
        await db.SaveChangesAsync(ct);
        return new(await MeetingAsync(meeting.Id, user, ct), null, 201);
    }

    public async Task<MeetingDetail?> MeetingAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return null;
        }
        var body = await db.Set<Body>().AsNoTracking().FirstAsync(b => b.Id == m.BodyId, ct);
        var members = await db.Set<BodyMember>().AsNoTracking().Where(x => x.BodyId == m.BodyId).ToDictionaryAsync(x => x.Id, ct);
        var present = await db.Set<Attendance>().CountAsync(a => a.MeetingId == id, ct);
        var agenda = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Position)
            .Select(a => new AgendaRow(a.Id, a.Position, a.Title, a.Decision, a.Outcome, a.VotesFor, a.VotesAgainst, a.VotesAbstain)).ToListAsync(ct);
        var speakers = await db.Set<SpeakerRequest>().AsNoTracking().Where(s => s.MeetingId == id).OrderBy(s => s.RequestedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var staff = user.Covers(m.PlacePath, ConsultationAccess.Staff);
        var quorumPresent = IsQuorum(present, members.Count);
        return new MeetingDetail(new MeetingSummary(m.Id, m.Title, m.StartsAt, m.Location, m.StreamUrl is not null), body.Id, body.Name, m.StreamUrl, staff ? m.CheckInCode : null,
            members.Count, present, quorumPresent, l["Quorum: more than {0}% of the {1} members ({2}) present; {3} present.", QuorumPercent, members.Count, QuorumNeeded(members.Count), present],
            agenda, [.. speakers.Select(s => new SpeakerRow(s.Id, members.TryGetValue(s.MemberId, out var mm) ? Masking.Name(mm.Name) : "?", s.AgendaItemId, s.SpokeAt is not null))],
            m.MinutesHtml, m.MinutesNoticeId);
    }

    private bool IsQuorum(int present, int members) => members > 0 && 100L * present > (long)QuorumPercent * members;

    private int QuorumNeeded(int members) => (int)((long)QuorumPercent * members / 100 + 1);

    public async Task<IResult> CheckInAsync(long id, CheckInInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return Results.NotFound();
        }
        BodyMember? member;
        var byStaff = input.MemberId is not null;
        if (byStaff)
        {
            if (!user.Covers(m.PlacePath, ConsultationAccess.Staff))
            {
                return Results.Forbid();
            }
            member = await db.Set<BodyMember>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.MemberId && x.BodyId == m.BodyId, ct);
            if (member is null)
            {
                return new FieldErrors(l).Add("memberId", "Choose a member of the body.").ToProblem();
            }
        }
        else
        {
            var uid = user.UserId();
            member = await db.Set<BodyMember>().AsNoTracking().FirstOrDefaultAsync(x => x.BodyId == m.BodyId && x.UserId == uid, ct);
            if (member is null)
            {
                return ConsultationAccess.Problem(403, l["Only members of the body check in."]);
            }
            if (!string.Equals(input.Code?.Trim(), m.CheckInCode, StringComparison.Ordinal))
            {
                return new FieldErrors(l).Add("code", "The check-in code is not this meeting's.").ToProblem();
            }
        }
        if (await db.Set<Attendance>().AnyAsync(a => a.MeetingId == id && a.MemberId == member.Id, ct))
        {
            return ConsultationAccess.Problem(409, l["Already checked in."]);
        }
        db.Add(new Attendance { MeetingId = id, MemberId = member.Id, ByStaff = byStaff, CheckedInAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ConsultationAccess.Problem(409, l["Already checked in."]);
        }
        return TypedResults.Ok(await MeetingAsync(id, user, ct));
    }

    public async Task<IResult> RequestToSpeakAsync(long id, SpeakerInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return Results.NotFound();
        }
        var uid = user.UserId();
        var member = await db.Set<BodyMember>().AsNoTracking().FirstOrDefaultAsync(x => x.BodyId == m.BodyId && x.UserId == uid, ct);
        if (member is null || !await db.Set<Attendance>().AnyAsync(a => a.MeetingId == id && a.MemberId == member.Id, ct))
        {
            return ConsultationAccess.Problem(403, l["Members check in before asking to speak."]);
        }
        if (input.AgendaItemId is { } item && !await db.Set<AgendaItem>().AnyAsync(a => a.Id == item && a.MeetingId == id, ct))
        {
            return new FieldErrors(l).Add("agendaItemId", "Choose an item of this meeting's agenda.").ToProblem();
        }
        if (await db.Set<SpeakerRequest>().AnyAsync(s => s.MeetingId == id && s.MemberId == member.Id && s.SpokeAt == null, ct))
        {
            return ConsultationAccess.Problem(409, l["You are already on the list of speakers."]);
        }
        db.Add(new SpeakerRequest { MeetingId = id, MemberId = member.Id, AgendaItemId = input.AgendaItemId, RequestedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await MeetingAsync(id, user, ct));
    }

    public async Task<IResult> DecideAsync(long id, long itemId, DecisionRecordInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var item = m is null ? null : await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.Id == itemId && a.MeetingId == id, ct);
        if (m is null || item is null)
        {
            return Results.NotFound();
        }
        if (!user.Covers(m.PlacePath, ConsultationAccess.Staff))
        {
            return Results.Forbid();
        }
        var members = await db.Set<BodyMember>().CountAsync(x => x.BodyId == m.BodyId, ct);
        var present = await db.Set<Attendance>().CountAsync(a => a.MeetingId == id, ct);
        var errors = new FieldErrors(l);
        errors.Required("text", input.Text, "Decision").MaxLength("text", input.Text, 2000, "Decision");
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors.Add("outcome", "Choose adopted, rejected or deferred.");
        }
        if (input.VotesFor < 0 || input.VotesAgainst < 0 || input.VotesAbstain < 0 || input.VotesFor + input.VotesAgainst + input.VotesAbstain > present)
        {
            errors.Add("votesFor", "The votes cannot exceed the {0} members present.", present);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (input.Outcome != AgendaOutcome.Deferred && !IsQuorum(present, members))
        {
            return ConsultationAccess.Problem(422, l["No quorum: {0} of {1} members present; more than {2}% ({3}) are needed to decide.", present, members, QuorumPercent, QuorumNeeded(members)]);
        }
        item.Decision = input.Text!.Trim();
        item.Outcome = input.Outcome;
        (item.VotesFor, item.VotesAgainst, item.VotesAbstain) = (input.VotesFor, input.VotesAgainst, input.VotesAbstain);
        item.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (item.Outcome == AgendaOutcome.Adopted)
        {
            var body = await db.Set<Body>().AsNoTracking().FirstAsync(b => b.Id == m.BodyId, ct);
            await Accountability.ResultTracker.TrackAsync(db, body.PlaceId, body.PlacePath, ResultSource.AgendaDecision, item.Id, item.Title + "：" + item.Decision, body.Name, clock.GetUtcNow(), ct);
        }
        return TypedResults.Ok(new AgendaRow(item.Id, item.Position, item.Title, item.Decision, item.Outcome, item.VotesFor, item.VotesAgainst, item.VotesAbstain));
    }

    public async Task<IResult> MinutesAsync(long id, MinutesInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return Results.NotFound();
        }
        if (!user.Covers(m.PlacePath, ConsultationAccess.Staff))
        {
            return Results.Forbid();
        }
        var errors = new FieldErrors(l);
        errors.Required("html", input.Html, "Minutes").MaxLength("html", input.Html, 100_000, "Minutes");
        var html = input.Html is null ? "" : RichText.Sanitize(input.Html);
        if (!string.IsNullOrWhiteSpace(input.Html) && RichText.ToPlainText(html).Length == 0)
        {
            errors.Add("html", "The content is empty once unsafe HTML (scripts, event handlers) is removed.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (m.MinutesNoticeId is { } published)
        {
            return ConsultationAccess.Problem(409, l["The minutes are already published (notice {0}).", published]);
        }
        var body = await db.Set<Body>().AsNoTracking().FirstAsync(b => b.Id == m.BodyId, ct);
        var board = await BoardPlaceAsync(body.PlaceId, ct);
        m.MinutesHtml = html;
        m.MinutesNoticeId = await notices.PublishAsync(board, NoticeBoard.ResidentAffairs, l["Minutes: {0} — {1}", body.Name, m.Title], html, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await MeetingAsync(id, user, ct));
    }

    /// <summary>Notices are published to a community (or the subdistrict): a courtyard's body publishes on its community's board.</summary>
    private async Task<long> BoardPlaceAsync(long placeId, CancellationToken ct)
    {
        var place = await places.FindAsync(placeId, ct);
        while (place is not null && place.Kind is not (PlaceKind.Community or PlaceKind.Subdistrict) && place.ParentId is { } parent)
        {
            place = await places.FindAsync(parent, ct);
        }
        return place?.Id ?? placeId;
    }
}
