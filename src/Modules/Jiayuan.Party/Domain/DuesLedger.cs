using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>
/// The base a member declared for a year and the monthly amount it gives, fixed for that year (DOMAIN-RULES §2: "amount fixed
/// for the year"). A later change of the member's base applies from the next year's snapshot.
/// </summary>
internal sealed class DuesBaseSnapshot
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public int Year { get; set; }
    public decimal Base { get; set; }
    public DuesCategory Category { get; set; }
    public decimal Monthly { get; set; }
    public DateOnly DeclaredOn { get; set; }
    public long? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Money a branch spent from the dues it collected (党费使用), recorded by its staff and published in the yearly report.</summary>
internal sealed class DuesUse
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string PlacePath { get; set; }
    public DateOnly SpentOn { get; set; }
    /// <summary>Yuan, two decimals.</summary>
    public decimal Amount { get; set; }
    public DuesUsePurpose Purpose { get; set; }
    public string? Note { get; set; }
    public long? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A member's sign-in account, linked by staff or by the member (verified phone and ID number both matching the roster).</summary>
internal sealed class MemberAccount
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long UserId { get; set; }
    /// <summary>"staff" or "self".</summary>
    public required string LinkedBy { get; set; }
    public long? LinkedById { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
