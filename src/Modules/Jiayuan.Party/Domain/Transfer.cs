using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>
/// An organizational-relationship transfer (组织关系转接). Until the receiving organization accepts, the member stays with
/// (and is the responsibility of) the sending organization. The letter is valid for three months.
/// </summary>
internal sealed class Transfer
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public required string MemberName { get; set; }
    public long FromOrganizationId { get; set; }
    public required string FromPlacePath { get; set; }
    public long ToOrganizationId { get; set; }
    public required string ToPlacePath { get; set; }
    public required string Reason { get; set; }
    public TransferStatus Status { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int LetterValidMonths = 3;

    public bool IsOverdue(DateOnly today) => Status == TransferStatus.Pending && today > ValidUntil;
}
