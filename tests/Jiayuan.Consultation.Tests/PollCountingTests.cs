using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;

namespace Jiayuan.Consultation.Tests;

public class PollCountingTests
{
    private static Poll Poll(PollKind kind, int quorum = 0, int required = 50, int scoreMax = 5) => new()
    {
        PlacePath = "/x", PlaceName = "x", Title = "t", Kind = kind, QuorumPercent = quorum, RequiredSharePercent = required, ScoreMax = scoreMax,
    };

    private static readonly PollOption[] Options = [new() { Id = 1, Position = 1, Text = "A" }, new() { Id = 2, Position = 2, Text = "B" }, new() { Id = 3, Position = 3, Text = "C" }];

    [Fact]
    public void SingleChoice_Quorum_ExactlyMet_And_RequiredShare_AtLeast()
    {
        // 10 eligible, quorum 40%: 4 ballots meet it exactly; A has 2 of 4 = 50% ≥ 50%.
        var r = PollCounting.Count(Poll(PollKind.SingleChoice, quorum: 40), Options, ["1", "1", "2", "3"], 10);
        Assert.True(r.QuorumMet);
        Assert.Equal(1, r.WinnerId);
        Assert.True(r.Passed);
        var under = PollCounting.Count(Poll(PollKind.SingleChoice, quorum: 40), Options, ["1", "1", "2"], 10);
        Assert.False(under.QuorumMet);
        Assert.False(under.Passed);
        Assert.Contains(under.Reasons, x => x.Key.StartsWith("Quorum not met", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleChoice_Tie_HasNoWinner()
    {
        var r = PollCounting.Count(Poll(PollKind.SingleChoice), Options, ["1", "2"], 2);
        Assert.Null(r.WinnerId);
        Assert.False(r.Passed);
    }

    [Fact]
    public void MultipleChoice_CountsEverySelection_ShareOfBallots()
    {
        // 3 ballots; B is on all three (100%), A on two.
        var r = PollCounting.Count(Poll(PollKind.MultipleChoice, required: 60), Options, ["1,2", "2", "1,2,3"], 3);
        Assert.Equal([2L, 3L, 1L], r.Options.Select(o => o.Votes));
        Assert.Equal(2, r.WinnerId);
        Assert.True(r.Passed);
    }

    [Fact]
    public void Consent_OneBlock_StopsIt_AbstentionsDoNotCount()
    {
        var ok = PollCounting.Count(Poll(PollKind.Consent, required: 60), [], ["Agree", "Agree", "Agree", "Disagree", "Disagree", "Abstain", "Abstain"], 7);
        Assert.True(ok.Passed); // 3 of 5 = 60%
        var blocked = PollCounting.Count(Poll(PollKind.Consent, required: 60), [], ["Agree", "Agree", "Agree", "Block"], 4);
        Assert.False(blocked.Passed);
        Assert.Contains(blocked.Reasons, x => x.Key.StartsWith("Blocked", StringComparison.Ordinal));
        Assert.False(PollCounting.Count(Poll(PollKind.Consent, required: 61), [], ["Agree", "Agree", "Agree", "Disagree", "Disagree"], 5).Passed);
    }

    [Fact]
    public void Score_SumsScores_RequiredShareOfMaximum()
    {
        // 2 ballots, max 5 each → maximum 10 per option; C gets 4+4 = 8 (80%).
        var r = PollCounting.Count(Poll(PollKind.Score, required: 80), Options, ["1:1,2:3,3:4", "1:5,2:0,3:4"], 2);
        Assert.Equal([6L, 3L, 8L], r.Options.Select(o => o.Score));
        Assert.Equal(3, r.WinnerId);
        Assert.True(r.Passed);
        Assert.False(PollCounting.Count(Poll(PollKind.Score, required: 81), Options, ["1:1,2:3,3:4", "1:5,2:0,3:4"], 2).Passed);
    }

    [Fact]
    public void RankedChoice_InstantRunoff_TransfersPreferences()
    {
        // First preferences A 4, B 3, C 2: no majority of 9; C is eliminated, its ballots go to B → B 5 of 9 wins in round 2.
        string[] ballots = ["1,2", "1,3", "1", "1,2", "2,1", "2", "2,3", "3,2", "3,2"];
        var r = PollCounting.Count(Poll(PollKind.RankedChoice), Options, ballots, 9);
        Assert.Equal(2, r.WinnerId);
        Assert.Equal(2, r.Rounds.Count);
        Assert.Equal(3, r.Rounds[0].Eliminated);
        Assert.Equal(5, r.Rounds[1].Counts.Single(c => c.OptionId == 2).Votes);
        Assert.True(r.Passed);
    }
}
