namespace Jiayuan.Party.Domain;

/// <summary>An item of the configurable points table (积分): points per award (negative for deductions) and a yearly cap.</summary>
internal sealed class PointRule
{
    public long Id { get; set; }
    public required string Item { get; set; }
    public int Points { get; set; }
    /// <summary>The most (in absolute value) one member can get from this item in a year.</summary>
    public int YearlyCap { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>Points given to a member under a rule, as applied after the yearly cap.</summary>
internal sealed class PointAward
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long RuleId { get; set; }
    public int Year { get; set; }
    public int Points { get; set; }
    public string? Note { get; set; }
    public DateOnly AwardedOn { get; set; }
}

/// <summary>Hours of study (学时) a member completed.</summary>
internal sealed class StudyRecord
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public int Year { get; set; }
    public decimal Hours { get; set; }
    public required string Topic { get; set; }
    public DateOnly StudiedOn { get; set; }
}

/// <summary>Study hours a year [《党员教育管理工作条例》]: members 32, secretaries and committee members 56.</summary>
internal static class StudyRules
{
    public const decimal MemberHours = 32m;
    public const decimal CommitteeHours = 56m;

    public static decimal Required(bool committeeMember) => committeeMember ? CommitteeHours : MemberHours;

    /// <summary>Applies the yearly cap: what may still be given this year under a rule (0 when the cap is reached).</summary>
    public static int Capped(int points, int cap, int soFarThisYear)
    {
        var room = Math.Max(0, cap - Math.Abs(soFarThisYear));
        return Math.Sign(points) * Math.Min(Math.Abs(points), room);
    }
}
