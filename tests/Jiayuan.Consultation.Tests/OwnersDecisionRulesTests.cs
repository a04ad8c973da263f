using Jiayuan.Consultation.Domain;

namespace Jiayuan.Consultation.Tests;

/// <summary>Hand-computed cases of Civil Code §278, areas in hundredths of m².</summary>
public class OwnersDecisionRulesTests
{
    [Fact]
    public void Participation_ExactlyTwoThirds_IsMet_OneHundredthLess_IsNot()
    {
        // 300.00 m² and 3 owners in all; 200.00 m² and 2 owners take part: 3*20000 = 2*30000, 3*2 = 2*3.
        Assert.True(OwnersDecisionRules.Evaluate(1, 30_000, 3, 20_000, 2, 20_000, 2).ParticipationMet);
        var below = OwnersDecisionRules.Evaluate(1, 30_000, 3, 19_999, 2, 19_999, 2);
        Assert.False(below.ParticipationMet);
        Assert.False(below.Approved);
        var failed = Assert.Single(below.Reasons, r => !r.Met);
        Assert.StartsWith("Participation by area failed", failed.Key, StringComparison.Ordinal);
        Assert.Equal(["199.99", "300.00", "200.00"], failed.Args.Select(a => a.ToString()));
    }

    [Fact]
    public void Participation_ByOwners_CountsSeparately()
    {
        // All the area but 2 of 4 owners (a big owner alone is not two thirds of the owners).
        var v = OwnersDecisionRules.Evaluate(1, 40_000, 4, 40_000, 2, 40_000, 2);
        Assert.False(v.ParticipationMet);
        Assert.StartsWith("Participation by owners failed", Assert.Single(v.Reasons, r => !r.Met).Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_ExactlyHalf_Fails_OneMore_Passes()
    {
        // 200.00 m² and 2 owners take part; 100.00 m² and 1 owner agree: exactly half is not "more than half".
        var half = OwnersDecisionRules.Evaluate(5, 30_000, 3, 20_000, 2, 10_000, 1);
        Assert.True(half.ParticipationMet);
        Assert.False(half.Approved);
        Assert.Equal(2, half.Reasons.Count(r => !r.Met));
        var area = half.Reasons.Single(r => r.Key.StartsWith("Approval by area failed", StringComparison.Ordinal));
        Assert.Equal(["100.00", "200.00", "100.01"], area.Args.Select(a => a.ToString()));
        Assert.True(OwnersDecisionRules.Evaluate(5, 30_000, 4, 30_000, 3, 15_001, 2).Approved);
    }

    [Fact]
    public void Major_ExactlyThreeQuarters_Passes_LessFails()
    {
        // Matter 6 (raise the maintenance fund): 300.00 of 400.00 m² and 3 of 4 owners agree.
        var v = OwnersDecisionRules.Evaluate(6, 40_000, 4, 40_000, 4, 30_000, 3);
        Assert.True(v.Major);
        Assert.True(v.Approved);
        var less = OwnersDecisionRules.Evaluate(6, 40_000, 4, 40_000, 4, 29_999, 3);
        Assert.False(less.Approved);
        var failed = Assert.Single(less.Reasons, r => !r.Met);
        Assert.StartsWith("Approval by area failed", failed.Key, StringComparison.Ordinal);
        Assert.Equal(["299.99", "400.00", "300.00"], failed.Args.Select(a => a.ToString()));
    }

    [Fact]
    public void Matter5_IsOrdinary_Matter6_IsMajor_OnTheSameFigures()
    {
        // 250.00 of 400.00 m² and 3 of 4 owners agree: more than half, less than three quarters of the area.
        var use = OwnersDecisionRules.Evaluate(5, 40_000, 4, 40_000, 4, 25_000, 3);
        var raise = OwnersDecisionRules.Evaluate(6, 40_000, 4, 40_000, 4, 25_000, 3);
        Assert.False(use.Major);
        Assert.True(use.Approved);
        Assert.True(raise.Major);
        Assert.False(raise.Approved);
        Assert.All(new[] { 6, 7, 8 }, m => Assert.True(OwnersDecisionRules.IsMajor(m)));
        Assert.All(new[] { 1, 2, 3, 4, 5, 9 }, m => Assert.False(OwnersDecisionRules.IsMajor(m)));
    }

    [Fact]
    public void LargeRegister_NoOverflow_NoFloatingPoint()
    {
        // 99,999,999,999.99 m² fits easily: 4 * 10^13 is far below long.MaxValue.
        var v = OwnersDecisionRules.Evaluate(7, 9_999_999_999_999, 3_000_000, 6_666_666_666_666, 2_000_000, 4_999_999_999_999, 1_500_000);
        Assert.True(v.ParticipationMet);
        Assert.False(v.Approved); // 4*yA = 19,999,999,999,996 < 3*pA = 19,999,999,999,998
    }

    [Theory]
    [InlineData("12345.67", 1_234_567L)]
    [InlineData("0.5", 50L)]
    [InlineData("80", 8_000L)]
    [InlineData("12345.678", null)]
    [InlineData("-1", null)]
    [InlineData("1e3", null)]
    [InlineData("12.", null)]
    [InlineData("", null)]
    public void ParseArea_TwoDecimalsAtMost(string text, long? expected) => Assert.Equal(expected, OwnersDecisionRules.ParseArea(text));
}
