using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Meetings;

public sealed record MeetingInput(MeetingKind? Kind, DateOnly? HeldOn, string? Topic, string? Minutes, IReadOnlyList<long>? AttendeeIds);

/// <summary>A meeting; <see cref="PhotoLinks"/> (filled when listing) are the URLs of its photos, oldest first.</summary>
public sealed record MeetingRow(long Id, MeetingKind Kind, DateOnly HeldOn, string Topic, string? Minutes, int Attendees, int Members, bool Quorate, int Photos,
    IReadOnlyList<PhotoRow>? PhotoLinks = null);

public sealed record PhotoRow(long Id, string FileName, string Url);

public sealed record ComplianceRow(long OrganizationId, string Organization, MeetingKind Kind, DateOnly? LastHeldOn, DateOnly DueBy, bool Overdue);

/// <summary>三会一课: record a meeting when it happens (no back-filling), list an organization's meetings, and see who is overdue.</summary>
public static class RecordMeeting
{
    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder api)
    {
        api.MapPost("/party/organizations/{id:long}/meetings", async Task<Results<Created<MeetingRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, MeetingInput input, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await meetings.RecordAsync(id, input, user, ct);
                return Outcome.Created(row, errors, status, _ => $"/api/v1/party/organizations/{id}/meetings");
            })
            .RequireAuthorization().WithName("RecordMeeting").WithSummary("Record a meeting held today or in the last days (no back-filling); attendees are members of the organization.");
        api.MapGet("/party/organizations/{id:long}/meetings", async Task<Results<Ok<List<MeetingRow>>, NotFound>> (long id, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
                await meetings.ListAsync(id, user, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .RequireAuthorization().WithName("ListMeetings").WithSummary("An organization's meetings, newest first.");
        api.MapGet("/party/compliance", async Task<Results<Ok<List<ComplianceRow>>, NotFound, ForbidHttpResult>> (string? scope, bool? overdueOnly,
                IPlaceDirectory places, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                if (!user.Covers(place.Path, PartyAccess.Readers))
                {
                    return TypedResults.Forbid();
                }
                var rows = await meetings.ComplianceAsync(place.Path, null, ct);
                return TypedResults.Ok(overdueOnly == true ? [.. rows.Where(r => r.Overdue)] : rows);
            })
            .RequireAuthorization().WithName("MeetingCompliance").WithSummary("For every organization under a place and every kind of meeting it must hold: the last one and when the next is due.");
        api.MapPost("/party/meetings/{id:long}/photos", async Task<Results<Created<PhotoRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, IFormFile? file, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await meetings.AddPhotoAsync(id, file, user, ct);
                return Outcome.Created(row, errors, status, r => r.Url);
            })
            .RequireAuthorization().DisableAntiforgery().WithName("AddMeetingPhoto").WithSummary("Attach a photo to a meeting (images only, at most 10 MB, location data removed).");
        api.MapGet("/party/meetings/{id:long}/photos/{photoId:long}", async Task<Results<FileContentHttpResult, NotFound>> (long id, long photoId, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
                await meetings.PhotoAsync(id, photoId, user, ct) is { } p ? TypedResults.File(p.Content, p.ContentType, p.FileName) : TypedResults.NotFound())
            .RequireAuthorization().WithName("GetMeetingPhoto").WithSummary("A meeting photo (Party staff of the place).");
        return api;
    }
}

internal sealed class MeetingService(JiayuanDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> l)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(clock);

    /// <summary>Members who may attend: the organization's own, or for a party group its branch's.</summary>
    public async Task<List<(long Id, string Name)>> EligibleMembersAsync(PartyOrganization org, CancellationToken ct)
    {
        var owner = org.Kind == OrgKind.PartyGroup && org.ParentId is { } parent ? parent : org.Id;
        return [.. (await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == owner).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.RealName }).ToListAsync(ct)).Select(m => (m.Id, m.RealName))];
    }

    public async Task<(MeetingRow? Row, FieldErrors Errors, int Status)> RecordAsync(long orgId, MeetingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(org.PlacePath, PartyAccess.Managers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        if (input.Kind is not { } kind || !MeetingRules.Required(org).Contains(kind))
        {
            errors.Add("kind", "Choose a kind of meeting this organization holds.");
        }
        var today = Today;
        var window = configuration.GetValue("Party:MeetingRecordWindowDays", MeetingRules.DefaultRecordWindowDays);
        if (input.HeldOn is not { } heldOn)
        {
            errors.Add("heldOn", "Enter the date the meeting was held.");
        }
        else if (heldOn > today)
        {
            errors.Add("heldOn", "A meeting is recorded after it has been held; {0} is in the future.", heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else if (heldOn < today.AddDays(-window))
        {
            errors.Add("heldOn", "Meetings are recorded when they happen: {0} is more than {1} days ago, and past meetings cannot be back-filled.",
                heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), window);
        }
        errors.Required("topic", input.Topic, "Topic").MaxLength("topic", input.Topic, 200, "Topic");
        var eligible = await EligibleMembersAsync(org, ct);
        var attendees = (input.AttendeeIds ?? []).Distinct().ToList();
        if (attendees.Except(eligible.Select(e => e.Id)).Any())
        {
            errors.Add("attendeeIds", "Attendees must be members of this organization.");
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        var meeting = new BranchMeeting
        {
            OrganizationId = org.Id, PlacePath = org.PlacePath, Kind = input.Kind!.Value, HeldOn = input.HeldOn!.Value, Topic = input.Topic!.Trim(),
            Minutes = string.IsNullOrWhiteSpace(input.Minutes) ? null : RichText.Sanitize(input.Minutes), Attendees = attendees.Count,
            MembersAtTheTime = eligible.Count, RecordedById = user.UserId(), RecordedAt = clock.GetUtcNow(),
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        db.AddRange(attendees.Select(a => new MeetingAttendance { MeetingId = meeting.Id, MemberId = a }));
        await db.SaveChangesAsync(ct);
        return (ToRow(meeting), errors, 201);
    }

    public static string PhotoUrl(long meetingId, long photoId) => $"/api/v1/party/meetings/{meetingId}/photos/{photoId}";

    private static MeetingRow ToRow(BranchMeeting m) =>
        new(m.Id, m.Kind, m.HeldOn, m.Topic, m.Minutes, m.Attendees, m.MembersAtTheTime, m.Kind != MeetingKind.GeneralMeeting || MeetingRules.Quorate(m.Attendees, m.MembersAtTheTime), m.PhotoCount);

    /// <summary>Adds a photo to a meeting: images only, re-encoded without EXIF (GPS) by the shared upload check.</summary>
    public async Task<(PhotoRow? Row, FieldErrors Errors, int Status)> AddPhotoAsync(long meetingId, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var meeting = await db.Set<BranchMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !user.Covers(meeting.PlacePath, PartyAccess.Readers))
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(meeting.PlacePath, PartyAccess.Managers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        var (accepted, error) = await Uploads.ReadAsync(file, ct);
        if (accepted is null || !accepted.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            errors.Add("file", error ?? "A meeting photo must be an image (JPEG, PNG, GIF or WebP).");
            return (null, errors, 400);
        }
        var photo = new MeetingPhoto { MeetingId = meetingId, FileName = accepted.FileName, ContentType = accepted.ContentType, Content = accepted.Content, CreatedAt = clock.GetUtcNow() };
        db.Add(photo);
        meeting.PhotoCount++;
        await db.SaveChangesAsync(ct);
        return (new PhotoRow(photo.Id, photo.FileName, PhotoUrl(meetingId, photo.Id)), errors, 201);
    }

    public async Task<MeetingPhoto?> PhotoAsync(long meetingId, long photoId, ClaimsPrincipal user, CancellationToken ct)
    {
        var path = await db.Set<BranchMeeting>().Where(m => m.Id == meetingId).Select(m => m.PlacePath).FirstOrDefaultAsync(ct);
        return path is null || !user.Covers(path, PartyAccess.Readers)
            ? null
            : await db.Set<MeetingPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.MeetingId == meetingId, ct);
    }

    public async Task<List<MeetingRow>?> ListAsync(long orgId, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return null;
        }
        var meetings = await db.Set<BranchMeeting>().AsNoTracking().Where(m => m.OrganizationId == orgId)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(200).ToListAsync(ct);
        // The photos' ids and names only (not their content), in one query for the whole list (always run: a page's query count stays fixed).
        var withPhotos = meetings.Where(m => m.PhotoCount > 0).Select(m => m.Id).ToList();
        var photos = await db.Set<MeetingPhoto>().AsNoTracking().Where(p => withPhotos.Contains(p.MeetingId))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.MeetingId, p.FileName }).ToListAsync(ct);
        var byMeeting = photos.ToLookup(p => p.MeetingId);
        return [.. meetings.Select(m => ToRow(m) with
        {
            PhotoLinks = [.. byMeeting[m.Id].Select(p => new PhotoRow(p.Id, p.FileName, PhotoUrl(m.Id, p.Id)))],
        })];
    }

    /// <summary>Last meeting of each required kind for every organization under a place (or one organization): two queries.</summary>
    public async Task<List<ComplianceRow>> ComplianceAsync(string placePath, long? orgId, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(placePath);
        var orgs = await db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => orgId == null ? o.PlacePath == placePath || (string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0) : o.Id == orgId)
            .OrderBy(o => o.Path).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        // A general meeting without a quorum does not count as held.
        var last = await db.Set<BranchMeeting>().AsNoTracking()
            .Where(m => ids.Contains(m.OrganizationId) && (m.Kind != MeetingKind.GeneralMeeting || 2 * m.Attendees > m.MembersAtTheTime))
            .GroupBy(m => new { m.OrganizationId, m.Kind }).Select(g => new { g.Key.OrganizationId, g.Key.Kind, Last = g.Max(m => m.HeldOn) })
            .ToListAsync(ct);
        var today = Today;
        var rows = new List<ComplianceRow>();
        foreach (var org in orgs)
        {
            foreach (var kind in MeetingRules.Required(org))
            {
                DateOnly? held = last.FirstOrDefault(x => x.OrganizationId == org.Id && x.Kind == kind)?.Last;
                var due = MeetingRules.DueBy(kind, held, org.FoundedOn);
                rows.Add(new ComplianceRow(org.Id, org.Name, kind, held, due, due < today));
            }
        }
        return rows;
    }
}
