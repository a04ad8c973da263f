namespace Jiayuan.Alerts.Domain;

/// <summary>A planned patrol (e.g. the night patrol the armed police join) along a place of the tree, with members from several units.</summary>
internal sealed class PatrolShift
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public long CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<PatrolMember> Members { get; set; } = [];
}

/// <summary>A member of a shift with their unit; checking in makes one person-time of that unit.</summary>
internal sealed class PatrolMember
{
    public long Id { get; set; }
    public long ShiftId { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public double? CheckInLatitude { get; set; }
    public double? CheckInLongitude { get; set; }
    public DateTimeOffset? CheckedOutAt { get; set; }
    public double? CheckOutLatitude { get; set; }
    public double? CheckOutLongitude { get; set; }
}

/// <summary>What a patrol member saw, when and where.</summary>
internal sealed class PatrolLog
{
    public long Id { get; set; }
    public long ShiftId { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public required string Text { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset At { get; set; }
}
