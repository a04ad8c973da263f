using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

/// <summary>A community builder (营造师) of the registry.</summary>
internal sealed class Builder
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public BuilderSpecialty Specialty { get; set; }
    public string? School { get; set; }
    public string? Background { get; set; }
    public bool Local { get; set; }
    public long? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A builder on a community's team.</summary>
internal sealed class BuilderAssignment
{
    public long Id { get; set; }
    public long BuilderId { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>Advice of a builder on a topic or a fund project (社区智库), with the resource it brings (社区资源库).</summary>
internal sealed class BuilderAdvice
{
    public long Id { get; set; }
    public long BuilderId { get; set; }
    public long? TopicId { get; set; }
    public long? FundProjectId { get; set; }
    public required string Text { get; set; }
    public string? ResourceUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A decision or funded project followed to its result (Decidim's accountability).</summary>
internal sealed class TrackedResult
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public ResultSource Source { get; set; }
    public long SourceId { get; set; }
    public required string Title { get; set; }
    public required string Owner { get; set; }
    public ResultStatus Status { get; set; }
    public int Progress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A photo of a result (re-encoded, no location data), shown with its timeline.</summary>
internal sealed class ResultPhoto
{
    public long Id { get; set; }
    public long ResultId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>One step of a result's timeline.</summary>
internal sealed class ResultUpdate
{
    public long Id { get; set; }
    public long ResultId { get; set; }
    public ResultStatus Status { get; set; }
    public int Progress { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset At { get; set; }
}
