using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>A Party member. Name is shown masked unless the viewer's duty needs it; ID number and phone are cipher text.</summary>
internal sealed class PartyMember
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The organization's path and its place path, kept in step, for scoped queries and statistics.</summary>
    public required string OrgPath { get; set; }
    public required string PlacePath { get; set; }
    public bool IsTwoNew { get; set; }
    public required string RealName { get; set; }
    public char Gender { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public MemberStatus Status { get; set; }
    /// <summary>Date of the branch meeting that admitted the member (probation starts).</summary>
    public DateOnly AdmittedOn { get; set; }
    public DateOnly ProbationEndsOn { get; set; }
    public bool ProbationExtended { get; set; }
    /// <summary>End of probation: party age counts from here.</summary>
    public DateOnly? FullSince { get; set; }
    public string? WorkUnit { get; set; }
    public long? HouseholdPlaceId { get; set; }
    /// <summary>Secretary or member of the branch committee (needs 56 study hours a year instead of 32).</summary>
    public bool IsCommitteeMember { get; set; }
    public DuesCategory DuesCategory { get; set; }
    public decimal DuesBase { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int ProbationMonths = 12;

    /// <summary>Converts a probationary member at the end of probation; returns a resource key when the rule refuses.</summary>
    public string? Convert(DateOnly today)
    {
        if (Status != MemberStatus.Probationary)
        {
            return "Only a probationary member can be converted.";
        }
        if (today < ProbationEndsOn)
        {
            return "Probation ends on {0}; conversion is voted on after that date.";
        }
        Status = MemberStatus.Full;
        FullSince = ProbationEndsOn;
        return null;
    }

    /// <summary>Extends probation once, by 6 to 12 months [发展党员工作细则 第32条].</summary>
    public string? Extend(int months)
    {
        if (Status != MemberStatus.Probationary)
        {
            return "Only a probationary member's probation can be extended.";
        }
        if (ProbationExtended)
        {
            return "Probation can be extended only once.";
        }
        if (months is < 6 or > 12)
        {
            return "An extension lasts 6 to 12 months.";
        }
        ProbationEndsOn = ProbationEndsOn.AddMonths(months);
        ProbationExtended = true;
        return null;
    }

    /// <summary>Cancels a probationary membership (取消预备党员资格) decided by the branch meeting on <paramref name="decidedOn"/>.</summary>
    public string? Cancel(DateOnly decidedOn, DateOnly today)
    {
        if (Status != MemberStatus.Probationary)
        {
            return "Only a probationary membership can be cancelled.";
        }
        if (decidedOn > today)
        {
            return "The branch meeting's decision cannot be in the future.";
        }
        if (decidedOn < AdmittedOn)
        {
            return "The decision cannot be before the member was admitted ({0}).";
        }
        Status = MemberStatus.Cancelled;
        return null;
    }

    /// <summary>Whole years of party age on <paramref name="today"/> (from the end of probation).</summary>
    public int PartyAge(DateOnly today)
    {
        if (FullSince is not { } since || today < since)
        {
            return 0;
        }
        var years = today.Year - since.Year;
        return since.AddYears(years) > today ? years - 1 : years;
    }
}
