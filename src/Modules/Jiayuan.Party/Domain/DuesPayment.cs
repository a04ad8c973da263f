namespace Jiayuan.Party.Domain;

/// <summary>One month of dues paid by a member.</summary>
internal sealed class DuesPayment
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long OrganizationId { get; set; }
    public required string PlacePath { get; set; }
    /// <summary>The first day of the month paid for.</summary>
    public DateOnly Month { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public long? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
