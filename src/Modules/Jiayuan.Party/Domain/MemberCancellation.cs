namespace Jiayuan.Party.Domain;

/// <summary>
/// The record of a cancelled probationary membership (取消预备党员资格): the branch meeting's decision date, the reason, who recorded
/// it and when. The member row stays (status <see cref="Contracts.MemberStatus.Cancelled"/>) so its history (dues, meetings, points)
/// keeps its references; a query filter hides it from every roster, count and rule.
/// </summary>
internal sealed class MemberCancellation
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    /// <summary>The organization the member belonged to when cancelled.</summary>
    public long OrganizationId { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string Reason { get; set; }
    public long? RecordedByUserId { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
