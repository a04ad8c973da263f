using System.Security.Claims;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.Accountability;

public sealed record ResultUpdateInput(ResultStatus? Status, int? Progress, string? Note);

public sealed record TimelineEntry(ResultStatus Status, int Progress, string Note, DateTimeOffset At);

public sealed record ResultRow(long Id, string Title, string Owner, ResultSource Source, long SourceId, ResultStatus Status, int Progress, DateTimeOffset UpdatedAt);

/// <summary>A photo added to a result.</summary>
public sealed record ResultPhotoRef(long Id);

public sealed record ResultDetail(ResultRow Result, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<long> PhotoIds);

/// <summary>Accountability: every adopted decision and funded project is followed to its result (owner, status, progress, timeline).</summary>
public static class ResultEndpoints
{
    public static RouteGroupBuilder MapResults(this RouteGroupBuilder api)
    {
        api.MapGet("/consultation/results", async (string? scope, ResultService s, IPlaceDirectory places, CancellationToken ct) =>
                await places.ScopeAsync(scope, ct) is { } place ? Results.Ok(await s.ListAsync(place.Path, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListResults").WithSummary("Results under a place: decisions and funded projects with owner, status and progress.");
        api.MapGet("/consultation/results/{id:long}", async (long id, ResultService s, CancellationToken ct) => await s.DetailAsync(id, ct) is { } r ? Results.Ok(r) : Results.NotFound())
            .AllowAnonymous().WithName("GetResult").WithSummary("A result with its timeline.");
        api.MapPost("/consultation/results/{id:long}/updates", async (long id, ResultUpdateInput input, ResultService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.UpdateAsync(id, input, user, ct)).ToResult(""))
            .RequireAuthorization().WithName("UpdateResult").WithSummary("Staff record progress (status, %, note); each update joins the timeline.");
        api.MapPost("/consultation/results/{id:long}/photos", async (long id, IFormFile? file, ResultService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var outcome = await s.AddPhotoAsync(id, file, user, ct);
                return outcome.ToResult($"/api/v1/consultation/results/{id}/photos/{outcome.Value?.Id}");
            })
            .RequireAuthorization().DisableAntiforgery().WithName("AddResultPhoto").WithSummary("Staff add a photo of the result (image ≤ 10 MB, location data removed).");
        api.MapGet("/consultation/results/{id:long}/photos/{photoId:long}", async (long id, long photoId, JiayuanDbContext db, CancellationToken ct) =>
                await db.Set<ResultPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ResultId == id, ct) is { } photo
                    ? Results.File(photo.Content, photo.ContentType) : Results.NotFound())
            .AllowAnonymous().WithName("GetResultPhoto").WithSummary("A result's photo.");
        return api;
    }
}

/// <summary>Creates the tracked result of a decision or funded project (once).</summary>
internal static class ResultTracker
{
    public static async Task TrackAsync(JiayuanDbContext db, long placeId, string placePath, ResultSource source, long sourceId, string title, string owner, DateTimeOffset now,
        CancellationToken ct)
    {
        if (await db.Set<TrackedResult>().AnyAsync(r => r.Source == source && r.SourceId == sourceId, ct))
        {
            return;
        }
        var result = new TrackedResult
        {
            PlaceId = placeId, PlacePath = placePath, Source = source, SourceId = sourceId, Title = title.Length > 200 ? title[..200] : title, Owner = owner,
            Status = ResultStatus.Planned, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(result);
        await db.SaveChangesAsync(ct);
        db.Add(new ResultUpdate { ResultId = result.Id, Status = ResultStatus.Planned, Progress = 0, Note = "决定已作出，进入落实。", At = now });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class ResultService(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static ResultRow Row(TrackedResult r) => new(r.Id, r.Title, r.Owner, r.Source, r.SourceId, r.Status, r.Progress, r.UpdatedAt);

    public async Task<List<ResultRow>> ListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var rows = await db.Set<TrackedResult>().AsNoTracking()
            .Where(r => r.PlacePath == path || (string.Compare(r.PlacePath, from) >= 0 && string.Compare(r.PlacePath, to) < 0))
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.UpdatedAt).Select(Row)];
    }

    public async Task<ResultDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var r = await db.Set<TrackedResult>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }
        var timeline = await db.Set<ResultUpdate>().AsNoTracking().Where(u => u.ResultId == id).OrderBy(u => u.Id).Select(u => new TimelineEntry(u.Status, u.Progress, u.Note, u.At)).ToListAsync(ct);
        var photos = await db.Set<ResultPhoto>().AsNoTracking().Where(p => p.ResultId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return new ResultDetail(Row(r), timeline, photos);
    }

    /// <summary>Whether the user records updates of the result (staff of its place); null when there is no such result.</summary>
    public async Task<bool?> CanUpdateAsync(long id, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Set<TrackedResult>().AsNoTracking().Where(x => x.Id == id).Select(x => x.PlacePath).FirstOrDefaultAsync(ct) is { } path
            ? user.Covers(path, ConsultationAccess.Staff) : null;

    /// <summary>Adds a photo (an image, re-encoded without EXIF or location data by <c>Uploads</c>); the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<ResultPhotoRef>> AddPhotoAsync(long id, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await db.Set<TrackedResult>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return new(default, null, 404);
        }
        if (!user.Covers(r.PlacePath, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        var (accepted, error) = await Jiayuan.Core.Text.Uploads.ReadAsync(file, ct);
        if (accepted is null || !accepted.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return new(default, new FieldErrors(l).Add("file", error ?? "A result photo must be an image."), 400);
        }
        var photo = new ResultPhoto { ResultId = id, Content = accepted.Content, ContentType = accepted.ContentType, At = clock.GetUtcNow() };
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return new(new ResultPhotoRef(photo.Id), null, 201);
    }

    /// <summary>Records status, progress and a note on the timeline; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<ResultDetail>> UpdateAsync(long id, ResultUpdateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await db.Set<TrackedResult>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return new(default, null, 404);
        }
        if (!user.Covers(r.PlacePath, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        var errors = new FieldErrors(l);
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add("status", "Choose planned, in progress, done or stalled.");
        }
        if (input.Progress is not (>= 0 and <= 100))
        {
            errors.Add("progress", "Progress is a percentage from 0 to 100.");
        }
        errors.Required("note", input.Note, "Note").MaxLength("note", input.Note, 2000, "Note");
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var now = clock.GetUtcNow();
        r.Status = input.Status!.Value;
        r.Progress = r.Status == ResultStatus.Done ? 100 : input.Progress!.Value;
        r.UpdatedAt = now;
        db.Add(new ResultUpdate { ResultId = id, Status = r.Status, Progress = r.Progress, Note = input.Note!.Trim(), At = now });
        await db.SaveChangesAsync(ct);
        return new(await DetailAsync(id, ct), null, 200);
    }
}
