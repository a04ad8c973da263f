using System.Security.Claims;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Alerts.Features.Raise;

public sealed record AlertPhotoRow(long Id, string Url);

/// <summary>The raiser attaches up to 3 photos to their alert (images only, ≤ 10 MB, location data removed); whoever sees the alert sees them.</summary>
public static class AlertPhotos
{
    public const int MaxPhotos = 3;

    public static RouteGroupBuilder MapAlertPhotos(this RouteGroupBuilder api)
    {
        api.MapPost("/alerts/{id:long}/photos", async Task<Results<Created<AlertPhotoRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, IFormFile? file, IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock, IStringLocalizer<SharedResource> l,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                var errors = new FieldErrors(l);
                await using var db = await factory.CreateDbContextAsync(ct);
                var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
                if (alert is null || alert.RaisedById != user.UserId())
                {
                    return TypedResults.NotFound();
                }
                if (await db.Set<AlertPhoto>().CountAsync(p => p.AlertId == id, ct) >= MaxPhotos)
                {
                    return errors.Add("file", "At most {0} photos per alert.", MaxPhotos).ToProblem();
                }
                var (accepted, error) = await Uploads.ReadAsync(file, ct);
                if (accepted is null || !accepted.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    return errors.Add("file", error ?? "A photo must be an image (JPEG, PNG, GIF or WebP).").ToProblem();
                }
                var photo = new AlertPhoto { AlertId = id, FileName = accepted.FileName, ContentType = accepted.ContentType, Content = accepted.Content, CreatedAt = clock.GetUtcNow() };
                db.Add(photo);
                await db.SaveChangesAsync(ct);
                var row = new AlertPhotoRow(photo.Id, Url(id, photo.Id));
                return TypedResults.Created(row.Url, row);
            })
            .RequireAuthorization().DisableAntiforgery().WithName("AddAlertPhoto").WithSummary("The raiser attaches a photo (multipart field `file`).");
        api.MapGet("/alerts/{id:long}/photos/{photoId:long}", async Task<Results<FileContentHttpResult, NotFound>> (
                long id, long photoId, IDbContextFactory<JiayuanDbContext> factory, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
                if (alert is null || !await AlertEngine.CanSeeAsync(db, alert, user, ct))
                {
                    return TypedResults.NotFound();
                }
                var photo = await db.Set<AlertPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.AlertId == id, ct);
                return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Content, photo.ContentType, photo.FileName);
            })
            .RequireAuthorization().WithName("GetAlertPhoto").WithSummary("A photo of an alert (for whoever sees the alert).");
        return api;
    }

    public static string Url(long alertId, long photoId) => $"/api/v1/alerts/{alertId}/photos/{photoId}";
}
