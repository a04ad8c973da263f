using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Notices.Domain;
using Jiayuan.Notices.Features.Publish;
using Jiayuan.Notices.Features.Read;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Notices.Features.Attachments;

/// <summary>Attach files to a notice (checked by content, images re-encoded without EXIF) and download them.</summary>
public static class NoticeAttachments
{
    public static RouteGroupBuilder MapNoticeAttachments(this RouteGroupBuilder api)
    {
        api.MapPost("/notices/{id:long}/attachments", async Task<Results<Created<AttachmentInfo>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, IFormFile? file, AttachmentStore store, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (info, errors, status) = await store.AddAsync(id, file, user, ct);
                return status switch
                {
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => info is null ? errors.ToProblem() : TypedResults.Created(info.Url, info),
                };
            })
            .RequireAuthorization().DisableAntiforgery().WithName("AddNoticeAttachment")
            .WithSummary("Attach a file (images, PDF, Office; at most 10 MB) to a notice.");
        api.MapGet("/notices/{id:long}/attachments/{attachmentId:long}", async Task<Results<FileContentHttpResult, NotFound>> (
                long id, long attachmentId, NoticeReader reader, JiayuanDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (await reader.ReadAsync(id, user, ct) is null)
                {
                    return TypedResults.NotFound();
                }
                var a = await db.Set<NoticeAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.NoticeId == id, ct);
                return a is null ? TypedResults.NotFound() : TypedResults.File(a.Content, a.ContentType, a.FileName);
            })
            .AllowAnonymous().WithName("GetNoticeAttachment").WithSummary("Download an attachment of a visible notice.");
        return api;
    }
}

internal sealed class AttachmentStore(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, NoticeWriter writer)
{
    public async Task<(AttachmentInfo? Info, FieldErrors Errors, int Status)> AddAsync(long noticeId, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null)
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(notice.PlacePath, PublishNotice.Publishers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Choose a file to attach.");
            return (null, errors, 400);
        }
        if (file.Length > Uploads.MaxBytes)
        {
            errors.Add("file", "The file is larger than 10 MB.");
            return (null, errors, 400);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (accepted, error) = Uploads.Inspect(file.FileName, buffer.ToArray());
        if (accepted is null)
        {
            errors.Add("file", error!);
            return (null, errors, 400);
        }
        var attachment = new NoticeAttachment
        {
            NoticeId = noticeId,
            FileName = accepted.FileName,
            ContentType = accepted.ContentType,
            Size = accepted.Content.Length,
            Content = accepted.Content,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(attachment);
        notice.AttachmentCount++;
        await db.SaveChangesAsync(ct);
        await writer.ChangedAsync(ct);
        return (new AttachmentInfo(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size,
            $"/api/v1/notices/{noticeId}/attachments/{attachment.Id}"), errors, 201);
    }
}
