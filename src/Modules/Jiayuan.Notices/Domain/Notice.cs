using Jiayuan.Core.Audit;
using Jiayuan.Notices.Contracts;

namespace Jiayuan.Notices.Domain;

/// <summary>A notice published to a community, or to the whole subdistrict, on one board.</summary>
internal sealed class Notice
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    /// <summary>Path of the place it is published to; the community's residents see notices of their community and its ancestors.</summary>
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public NoticeBoard Board { get; set; }
    public required string Title { get; set; }
    /// <summary>Sanitized HTML.</summary>
    public required string BodyHtml { get; set; }
    /// <summary>Plain text of the body, for search and previews.</summary>
    public required string BodyText { get; set; }
    public DateTimeOffset PublishAt { get; set; }
    public DateTimeOffset? ExpireAt { get; set; }
    public bool Pinned { get; set; }
    public long? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Distinct signed-in readers, maintained as reads are recorded.</summary>
    public int ReadCount { get; set; }
    public int AttachmentCount { get; set; }

    public bool IsVisibleAt(DateTimeOffset now) => PublishAt <= now && (ExpireAt is null || ExpireAt > now);
}

internal sealed class NoticeAttachment
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in user has read a notice (drives "new" badges and read counts).</summary>
[NotAudited]
internal sealed class NoticeRead
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
