using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>The organizational rules of 《中国共产党支部工作条例（试行）》 as checks with messages that name the rule.</summary>
internal static class OrgRules
{
    public const int MinFullMembers = 3;
    public const int MaxBranchMembers = 50;
    public const int CommitteeFromFullMembers = 7;
    public const int MaxJointUnits = 5;
    public const int ElectionWarningDays = 90;

    public static List<RuleFlag> Check(PartyOrganization org, int fullMembers, int members, DateOnly today)
    {
        var flags = new List<RuleFlag>();
        if (org.Kind == OrgKind.PartyGroup)
        {
            return flags;
        }
        if (org.Kind == OrgKind.Branch && fullMembers < MinFullMembers)
        {
            flags.Add(new("min-full-members", "A branch needs at least {0} full members (支部工作条例 art. 4); it has {1}. Join a joint branch or recruit.", [MinFullMembers, fullMembers]));
        }
        if (org.Kind is OrgKind.Branch or OrgKind.JointBranch && members > MaxBranchMembers)
        {
            flags.Add(new("max-members", "A branch normally has at most {0} members; it has {1}. Consider splitting it or forming a general branch.", [MaxBranchMembers, members]));
        }
        if (org.HasCommittee && fullMembers < CommitteeFromFullMembers)
        {
            flags.Add(new("committee-too-small", "A branch committee needs at least {0} full members; with {1}, elect a secretary instead.", [CommitteeFromFullMembers, fullMembers]));
        }
        if (org.Kind == OrgKind.JointBranch && org.CoveredUnits > MaxJointUnits)
        {
            flags.Add(new("joint-too-wide", "A joint branch covers at most {0} units; it covers {1}.", [MaxJointUnits, org.CoveredUnits]));
        }
        var due = org.ElectionDue;
        if (due <= today)
        {
            flags.Add(new("election-overdue", "The {0}-year term ended on {1}: the election is overdue.", [org.TermYears, due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }
        else if (due <= today.AddDays(ElectionWarningDays))
        {
            flags.Add(new("election-due", "The {0}-year term ends on {1}: prepare the election.", [org.TermYears, due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }
        return flags;
    }
}
