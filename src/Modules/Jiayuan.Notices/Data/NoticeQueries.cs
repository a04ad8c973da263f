using Jiayuan.Core.Caching;
using Jiayuan.Core.Data;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Notices.Data;

/// <summary>A notice in a list.</summary>
public sealed record NoticeListItem(long Id, string Title, NoticeBoard Board, string PlaceName, DateTimeOffset PublishAt, DateTimeOffset? ExpireAt,
    bool Pinned, string Excerpt, int AttachmentCount, int? ReadCount, bool IsNew);

/// <summary>Filters of a notice list; <see cref="PlacePath"/> is the community (its notices and its ancestors' are shown).</summary>
public sealed record NoticeFilter(string PlacePath, NoticeBoard? Board = null, string? Query = null, int Page = 1, int PageSize = 20);

/// <summary>The queries every notice page and endpoint shares: what is visible where, search, unread flags.</summary>
internal static class NoticeQueries
{
    /// <summary>Dropped on every notice write; guards the in-memory copies of single notices.</summary>
    public static readonly CacheSignal Signal = new("notices");

    public static IQueryable<Notice> VisibleAt(this IQueryable<Notice> notices, string placePath, DateTimeOffset now)
    {
        var scopes = TreePath.Ancestors(placePath);
        return notices.Where(n => scopes.Contains(n.PlacePath) && n.PublishAt <= now && (n.ExpireAt == null || n.ExpireAt > now));
    }

    /// <summary>Full-text filter: FTS5 trigram on SQLite for 3+ characters, LIKE below; pg_trgm-indexed ILIKE on PostgreSQL.</summary>
    public static IQueryable<Notice> Matching(this IQueryable<Notice> notices, JiayuanDbContext db, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return notices;
        }
        var q = query.Trim();
        if (db.IsPostgres)
        {
            var pattern = "%" + EscapeLike(q) + "%";
            return notices.Where(n => EF.Functions.ILike(n.Title + " " + n.BodyText, pattern, "\\"));
        }
        if (q.Length >= 3)
        {
            var match = "\"" + q.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM notices_fts WHERE notices_fts MATCH {match}");
            return notices.Where(n => ids.Contains(n.Id));
        }
        var like = "%" + EscapeLike(q) + "%";
        return notices.Where(n => EF.Functions.Like(n.Title, like, "\\") || EF.Functions.Like(n.BodyText, like, "\\"));
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static async Task<Page<NoticeListItem>> ListAsync(JiayuanDbContext db, NoticeFilter filter, long? userId, bool showReadCounts, DateTimeOffset now, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = db.Set<Notice>().AsNoTracking().VisibleAt(filter.PlacePath, now).Matching(db, filter.Query);
        if (filter.Board is { } board)
        {
            query = query.Where(n => n.Board == board);
        }
        var total = await query.CountAsync(ct);
        var reads = db.Set<NoticeRead>().Where(r => r.UserId == userId);
        var items = await query.OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(n => new NoticeListItem(n.Id, n.Title, n.Board, n.PlaceName, n.PublishAt, n.ExpireAt, n.Pinned,
                n.BodyText.Length > 80 ? n.BodyText.Substring(0, 80) + "…" : n.BodyText, n.AttachmentCount,
                showReadCounts ? n.ReadCount : null,
                userId != null && !reads.Any(r => r.NoticeId == n.Id)))
            .ToListAsync(ct);
        return new Page<NoticeListItem>(items, total, page, size);
    }
}
