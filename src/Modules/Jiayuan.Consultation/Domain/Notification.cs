using Jiayuan.Core.Audit;

namespace Jiayuan.Consultation.Domain;

/// <summary>How a user wants consultation news: at once, or one daily digest.</summary>
internal sealed class NotificationPreference
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public bool Daily { get; set; }
}

/// <summary>A piece of news for a user; <see cref="Key"/> groups repeats (e.g. every comment on one topic).</summary>
[NotAudited]
internal sealed class PendingNotification
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long? MessageId { get; set; }
}

/// <summary>What reaches the user's inbox: one notification, or a digest of several.</summary>
[NotAudited]
internal sealed class InboxMessage
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public bool IsDigest { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
