using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

/// <summary>A standing body of a place, with members from several organizations.</summary>
internal sealed class Body
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public BodyKind Kind { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class BodyMember
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public long? UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The organization the member comes from (居委会, 物业公司, 业委会, a resident…).</summary>
    public required string Organization { get; set; }
    public bool Chair { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A meeting of a body: agenda, check-in code, attendance, speakers, minutes, decisions.</summary>
internal sealed class Meeting
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public required string PlacePath { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public string? Location { get; set; }
    /// <summary>Where the meeting is streamed (the Live module will attach its stream here).</summary>
    public string? StreamUrl { get; set; }
    public required string CheckInCode { get; set; }
    public string? MinutesHtml { get; set; }
    public long? MinutesNoticeId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AgendaItem
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Decision { get; set; }
    public AgendaOutcome? Outcome { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int VotesAbstain { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>A member present at a meeting: unique per (meeting, member).</summary>
internal sealed class Attendance
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long MemberId { get; set; }
    public bool ByStaff { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
}

/// <summary>A request to speak, in the order asked (OpenSlides' list of speakers).</summary>
internal sealed class SpeakerRequest
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long? AgendaItemId { get; set; }
    public long MemberId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? SpokeAt { get; set; }
}
