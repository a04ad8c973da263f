using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Data;
using Jiayuan.Notices.Domain;
using Jiayuan.Notices.Features.Publish;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jiayuan.Notices.Features.Read;

public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size, string Url);

/// <summary>A notice as a reader sees it; <see cref="ReadCount"/> only for staff of its scope.</summary>
public sealed record NoticeDetail(long Id, long PlaceId, string PlaceName, string PlacePath, NoticeBoard Board, string Title, string BodyHtml,
    DateTimeOffset PublishAt, DateTimeOffset? ExpireAt, bool Pinned, string AuthorName, DateTimeOffset UpdatedAt,
    IReadOnlyList<AttachmentInfo> Attachments, int? ReadCount);

/// <summary>Read one notice. Published notices are public; scheduled and expired ones only for staff of their scope. A signed-in reader's read is recorded.</summary>
public static class ReadNotice
{
    public static RouteGroupBuilder MapReadNotice(this RouteGroupBuilder api)
    {
        api.MapGet("/notices/{id:long}", async Task<Results<Ok<NoticeDetail>, NotFound>> (long id, NoticeReader reader, ClaimsPrincipal user, CancellationToken ct) =>
                await reader.ReadAsync(id, user, ct) is { } notice ? TypedResults.Ok(notice) : TypedResults.NotFound())
            .AllowAnonymous().WithName("GetNotice").WithSummary("One notice with its attachments.");
        return api;
    }
}

internal sealed class NoticeReader(IDbContextFactory<JiayuanDbContext> factory, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan _ttl = TimeSpan.FromSeconds(60);

    public async Task<NoticeDetail?> ReadAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var notice = await NoticeQueries.Signal.GetOrLoadAsync(cache, "notice:" + id, _ttl, () => LoadAsync(id, ct));
        if (notice is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var isStaff = user.Covers(notice.PlacePath, PublishNotice.Publishers);
        if (!isStaff && (notice.PublishAt > now || notice.ExpireAt <= now))
        {
            return null;
        }
        if (isStaff)
        {
            // Staff of the notice's scope see the live count of residents who read it; their own visits are not counted.
            await using var db = await factory.CreateDbContextAsync(ct);
            var count = await db.Set<Notice>().Where(n => n.Id == id).Select(n => n.ReadCount).FirstOrDefaultAsync(ct);
            return notice with { ReadCount = count };
        }
        if (user.UserId() is { } userId)
        {
            await RecordReadAsync(id, userId, now, ct);
        }
        return notice with { ReadCount = null };
    }

    private async Task<NoticeDetail?> LoadAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var n = await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return null;
        }
        var attachments = await db.Set<NoticeAttachment>().AsNoTracking().Where(a => a.NoticeId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, "/api/v1/notices/" + id + "/attachments/" + a.Id))
            .ToListAsync(ct);
        return new NoticeDetail(n.Id, n.PlaceId, n.PlaceName, n.PlacePath, n.Board, n.Title, n.BodyHtml, n.PublishAt, n.ExpireAt, n.Pinned,
            n.AuthorName, n.UpdatedAt, attachments, n.ReadCount);
    }

    /// <summary>Records the first read of a user; the read count goes up once per reader.</summary>
    private async Task RecordReadAsync(long noticeId, long userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Set<NoticeRead>().AnyAsync(r => r.NoticeId == noticeId && r.UserId == userId, ct))
        {
            return;
        }
        db.Add(new NoticeRead { NoticeId = noticeId, UserId = userId, ReadAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return; // a concurrent first read of the same user won the UNIQUE race
        }
        await db.Set<Notice>().Where(n => n.Id == noticeId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadCount, n => n.ReadCount + 1), ct);
    }
}
