using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

/// <summary>A poll of the residents (or owners) of a place.</summary>
internal sealed class Poll
{
    public long Id { get; set; }
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceName { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public PollKind Kind { get; set; }
    public PollElectorate Electorate { get; set; }
    /// <summary>The body whose members vote (<see cref="PollElectorate.BodyMembers"/>).</summary>
    public long? BodyId { get; set; }
    /// <summary>Multiple choice: at most this many options (0: any number).</summary>
    public int MaxChoices { get; set; }
    /// <summary>Score polls: each option gets 0..ScoreMax.</summary>
    public int ScoreMax { get; set; }
    /// <summary>Share of the electorate (percent) that must vote for the result to count.</summary>
    public int QuorumPercent { get; set; }
    /// <summary>Share (percent, at least) the leading option — or "agree" among agree and disagree — needs to pass.</summary>
    public int RequiredSharePercent { get; set; }
    public bool Anonymous { get; set; }
    /// <summary>True: results are shown while voting is open; false: only after it closes.</summary>
    public bool LiveResults { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public long? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}

internal sealed class PollOption
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

/// <summary>That a person voted: unique per (poll, user), so nobody votes twice, however many requests race.</summary>
internal sealed class PollParticipation
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

/// <summary>
/// What was voted, kept apart from who voted: in an anonymous poll the ballot has no voter and no time.
/// <see cref="Content"/>: option ids ("12" or "12,15", in preference order for ranked choice), "12:4,15:2" for scores,
/// or a <see cref="ConsentPosition"/> name.
/// </summary>
/// <summary>Not audited: the audit log would tie an anonymous ballot to its voter (who took part is recorded in the participation).</summary>
[Jiayuan.Core.Audit.NotAudited]
internal sealed class PollBallot
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public long? VoterId { get; set; }
    public string? VoterName { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset? CastAt { get; set; }
}
