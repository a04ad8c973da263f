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
                return Outcome.Created(info, errors, status, i => i.Url);
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
    /// <summary>Reads, checks and stores an uploaded file (API).</summary>
    public async Task<(AttachmentInfo? Info, FieldErrors Errors, int Status)> AddAsync(long noticeId, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var (notice, status) = await NoticeForPublisherAsync(noticeId, user, ct);
        if (notice is null)
        {
            return (null, new FieldErrors(l), status);
        }
        var (accepted, error) = await Uploads.ReadAsync(file, ct);
        return accepted is null ? (null, new FieldErrors(l).Add("file", error!), 400) : (await StoreAsync(notice, accepted, ct), new FieldErrors(l), 201);
    }

    /// <summary>Stores a file the caller already read and checked (the staff page checks it before saving the notice).</summary>
    public async Task<(AttachmentInfo? Info, FieldErrors Errors, int Status)> AddAsync(long noticeId, Uploads.Accepted file, ClaimsPrincipal user, CancellationToken ct)
    {
        var (notice, status) = await NoticeForPublisherAsync(noticeId, user, ct);
        return notice is null ? (null, new FieldErrors(l), status) : (await StoreAsync(notice, file, ct), new FieldErrors(l), 201);
    }

    private async Task<(Notice? Notice, int Status)> NoticeForPublisherAsync(long noticeId, ClaimsPrincipal user, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null)
        {
            return (null, StatusCodes.Status404NotFound);
        }
        return user.Covers(notice.PlacePath, PublishNotice.Publishers) ? (notice, 200) : (null, StatusCodes.Status403Forbidden);
    }

    private async Task<AttachmentInfo> StoreAsync(Notice notice, Uploads.Accepted accepted, CancellationToken ct)
    {
        var attachment = new NoticeAttachment
        {
            NoticeId = notice.Id,
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
        return new AttachmentInfo(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size,
            $"/api/v1/notices/{notice.Id}/attachments/{attachment.Id}");
    }
}
