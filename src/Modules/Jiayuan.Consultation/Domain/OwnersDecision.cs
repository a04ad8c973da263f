namespace Jiayuan.Consultation.Domain;

/// <summary>
/// An owner of units in a compound (a courtyard place). One owner of several units counts once by number, all their area
/// counts; the developer holding the unsold units is one owner (<see cref="IsDeveloper"/>).
/// </summary>
internal sealed class CompoundOwner
{
    public long Id { get; set; }
    public long CourtyardId { get; set; }
    public required string CourtyardPath { get; set; }
    public required string Name { get; set; }
    /// <summary>The owner's account, when linked: it lets the owner vote online.</summary>
    public long? UserId { get; set; }
    public bool IsDeveloper { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A unit (专有部分) with its exclusive area from the real-estate register, in hundredths of m².</summary>
internal sealed class CompoundUnit
{
    public long Id { get; set; }
    public long CourtyardId { get; set; }
    public required string Label { get; set; }
    public long AreaHundredths { get; set; }
    public long OwnerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A decision of the owners of a compound on one of the nine matters.</summary>
internal sealed class OwnersDecision
{
    public long Id { get; set; }
    public long CourtyardId { get; set; }
    public required string CourtyardPath { get; set; }
    public required string CourtyardName { get; set; }
    public int Matter { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public long? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}

internal enum BallotChoice
{
    Yes,
    No,
    Abstain,
}

internal enum BallotChannel
{
    Online,
    Paper,
}

/// <summary>
/// One owner's ballot on a decision: unique per (decision, owner) and, for paper ballots, per (decision, ballot number);
/// the database enforces both, so neither concurrent clicks nor a second typist can count an owner twice.
/// </summary>
internal sealed class OwnerBallot
{
    public long Id { get; set; }
    public long DecisionId { get; set; }
    public long OwnerId { get; set; }
    public BallotChoice Choice { get; set; }
    public BallotChannel Channel { get; set; }
    public string? PaperNumber { get; set; }
    public long? EnteredById { get; set; }
    public DateTimeOffset CastAt { get; set; }
}
