using Jiayuan.Alerts.Contracts;
using Jiayuan.Core.Audit;

namespace Jiayuan.Alerts.Domain;

/// <summary>A person who answers alerts: a unit's guard, a community worker, a police liaison, a patrol or grid member.</summary>
internal sealed class Responder
{
    public long Id { get; set; }
    public long UserId { get; set; }
    /// <summary>Masked display name (first name only), what raisers and other responders see.</summary>
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public DutyStatus Duty { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ResponderArea> Areas { get; set; } = [];
}

/// <summary>A node of the place tree a responder covers (its whole subtree).</summary>
internal sealed class ResponderArea
{
    public long Id { get; set; }
    public long ResponderId { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
}

/// <summary>An alert (一呼百应): persisted before it is sent; fans out to responders and escalates outward until acknowledged.</summary>
internal sealed class Alert
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public required string Text { get; set; }
    public long RaisedById { get; set; }
    /// <summary>Masked name of the raiser; the id is kept so abuse is attributable and can be blocked.</summary>
    public required string RaisedByName { get; set; }
    public string? RaisedFromIp { get; set; }
    public long? PatrolShiftId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public AlertState State { get; set; }
    /// <summary>0 = the courtyard (or the place), then the community, then the subdistrict's responders.</summary>
    public int Level { get; set; }
    /// <summary>When the next escalation is due; null once acknowledged, resolved or at the outermost level.</summary>
    public DateTimeOffset? EscalateAt { get; set; }
    public DateTimeOffset? FirstAckAt { get; set; }
    public DateTimeOffset? FirstOnSceneAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>
/// One event of an alert; its id is the <c>eventId</c> clients see. Ids grow in commit order: event inserts are serialized
/// (SQLite has one writer; PostgreSQL takes an advisory lock), so a client resuming after id N can never miss a smaller id.
/// </summary>
[NotAudited]
internal sealed class AlertEvent
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertEventType Type { get; set; }
    public long? ResponderId { get; set; }
    public string? ResponderName { get; set; }
    public string? Unit { get; set; }
    public int? EtaMinutes { get; set; }
    public string? Note { get; set; }
    public int Level { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A user an alert was delivered to (a responder, or the raiser following their own alert).</summary>
[NotAudited]
internal sealed class AlertRecipient
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public long UserId { get; set; }
    public long? ResponderId { get; set; }
    /// <summary>The event that brought this user in (the raise, or an escalation): delivered as <c>AlertRaised</c>.</summary>
    public long SinceEventId { get; set; }
}

/// <summary>A user blocked from raising alerts after abuse.</summary>
internal sealed class RaiserBlock
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Reason { get; set; }
    public long BlockedById { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
}

/// <summary>A photo the raiser attached (image only, re-encoded without EXIF location).</summary>
internal sealed class AlertPhoto
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
