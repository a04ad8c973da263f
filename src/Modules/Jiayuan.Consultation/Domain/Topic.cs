using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

/// <summary>A topic raised by a resident, routed by category to the body that consults on it.</summary>
internal sealed class Topic
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public TopicCategory Category { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public long AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public long? RoutedBodyId { get; set; }
    public string? RoutedBodyName { get; set; }
    public int Supports { get; set; }
    public int Reports { get; set; }
    public bool Hidden { get; set; }
    /// <summary>The agenda item the topic became once enough residents supported it.</summary>
    public long? AgendaItemId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TopicSupport
{
    public long Id { get; set; }
    public long TopicId { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TopicComment
{
    public long Id { get; set; }
    public long TopicId { get; set; }
    public long AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public int Reports { get; set; }
    public bool Hidden { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A report of abusive content, one per user and item (<c>CommentId</c> 0: the topic itself).</summary>
internal sealed class TopicReport
{
    public long Id { get; set; }
    public long TopicId { get; set; }
    public long CommentId { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
