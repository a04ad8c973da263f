using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>A meeting of 三会一课 or another kind of organizational life, recorded when it happens.</summary>
internal sealed class BranchMeeting
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string PlacePath { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Topic { get; set; }
    /// <summary>Sanitized HTML.</summary>
    public string? Minutes { get; set; }
    public int Attendees { get; set; }
    public int MembersAtTheTime { get; set; }
    public int PhotoCount { get; set; }
    public long? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A photo of a meeting (re-encoded without EXIF location).</summary>
internal sealed class MeetingPhoto
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who attended a meeting (attendance counts for organizational life).</summary>
internal sealed class MeetingAttendance
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long MemberId { get; set; }
}

/// <summary>How often each kind of meeting is due [支部工作条例 第16–20条; lessons quarterly by local practice].</summary>
internal static class MeetingRules
{
    /// <summary>Meetings may be recorded on the day or up to this many days after, never earlier: no back-filling.</summary>
    public const int DefaultRecordWindowDays = 2;

    public static int PeriodMonths(MeetingKind kind) => kind switch
    {
        MeetingKind.GeneralMeeting => 3,
        MeetingKind.PartyLesson => 3,
        MeetingKind.CommitteeMeeting or MeetingKind.GroupMeeting or MeetingKind.ThemeDay => 1,
        _ => 12,
    };

    /// <summary>The kinds an organization must hold: groups hold group meetings; branches the rest (committee meetings only with a committee).</summary>
    public static IEnumerable<MeetingKind> Required(PartyOrganization org) => org.Kind switch
    {
        OrgKind.PartyGroup => [MeetingKind.GroupMeeting],
        OrgKind.WorkingCommittee => [],
        _ => Enum.GetValues<MeetingKind>().Where(k => k != MeetingKind.GroupMeeting && (k != MeetingKind.CommitteeMeeting || org.HasCommittee)),
    };

    /// <summary>The date by which the next meeting of <paramref name="kind"/> is due, from the last one (or from founding).</summary>
    public static DateOnly DueBy(MeetingKind kind, DateOnly? last, DateOnly founded) => (last ?? founded).AddMonths(PeriodMonths(kind));

    /// <summary>A general meeting needs more than half of the members present.</summary>
    public static bool Quorate(int attendees, int members) => 2 * attendees > members;
}
