using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

/// <summary>A community's yearly fund (社区发展治理专项保障资金), amounts in fen (0.01 yuan).</summary>
internal sealed class Fund
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public DateTimeOffset ProposalsUntil { get; set; }
    public DateTimeOffset HearingAt { get; set; }
    public DateTimeOffset DecisionBy { get; set; }
    public DateTimeOffset ImplementationUntil { get; set; }
    public DateTimeOffset AcceptanceBy { get; set; }
    public int? HearingRepresentatives { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The phase follows the dates: nobody has to move it on.</summary>
    public FundPhase PhaseAt(DateTimeOffset now) =>
        now < ProposalsUntil ? FundPhase.Proposals
        : now < HearingAt ? FundPhase.Slate
        : HearingRepresentatives is null && now < DecisionBy ? FundPhase.Hearing
        : now < DecisionBy ? FundPhase.Decision
        : now < ImplementationUntil ? FundPhase.Implementation
        : now < AcceptanceBy ? FundPhase.Acceptance
        : FundPhase.Closed;
}

internal sealed class FundProject
{
    public long Id { get; set; }
    public long FundId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public FundCategory Category { get; set; }
    public long BudgetFen { get; set; }
    public long ProposedById { get; set; }
    public FundProjectStatus Status { get; set; }
    public int HearingYes { get; set; }
    public int HearingNo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
