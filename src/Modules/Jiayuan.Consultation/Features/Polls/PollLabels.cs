using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Features.Polls;

/// <summary>Resource keys for poll kinds, so pages name them the same way.</summary>
public static class PollLabels
{
    public static string Kind(PollKind kind) => kind switch
    {
        PollKind.SingleChoice => "Single choice",
        PollKind.MultipleChoice => "Multiple choice",
        PollKind.Consent => "Agree / abstain / disagree / block",
        PollKind.Score => "Score",
        _ => "Ranked choice",
    };

    public static string Position(ConsentPosition position) => position == ConsentPosition.Block ? "Block the proposal" : position.ToString();
}
