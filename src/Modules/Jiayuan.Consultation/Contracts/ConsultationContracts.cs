namespace Jiayuan.Consultation.Contracts;

/// <summary>The nine matters owners decide together (《民法典》第278条).</summary>
public enum OwnersMatter
{
    RulesOfProcedure = 1,
    ManagementStatute = 2,
    OwnersCommittee = 3,
    PropertyCompany = 4,
    UseMaintenanceFund = 5,
    RaiseMaintenanceFund = 6,
    Rebuild = 7,
    CommonPartsUse = 8,
    OtherMajor = 9,
}

/// <summary>Resource keys of the matters (zh-CN in SharedResource).</summary>
public static class OwnersMatters
{
    public static string Label(OwnersMatter matter) => matter switch
    {
        OwnersMatter.RulesOfProcedure => "Rules of procedure of the owners' assembly",
        OwnersMatter.ManagementStatute => "Management statute",
        OwnersMatter.OwnersCommittee => "Elect or replace the owners' committee",
        OwnersMatter.PropertyCompany => "Hire or dismiss the property company",
        OwnersMatter.UseMaintenanceFund => "Use the maintenance fund",
        OwnersMatter.RaiseMaintenanceFund => "Raise the maintenance fund",
        OwnersMatter.Rebuild => "Rebuild or reconstruct buildings",
        OwnersMatter.CommonPartsUse => "Change the use of common parts or run a business with them",
        _ => "Other major matters",
    };
}

/// <summary>The decision types people expect (Loomio's): one choice, several, consent with block, score, ranked choice.</summary>
public enum PollKind
{
    SingleChoice,
    MultipleChoice,
    Consent,
    Score,
    RankedChoice,
}

/// <summary>Who may vote: the residents whose home is under a place, the owners on a compound's roster, or a body's members.</summary>
public enum PollElectorate
{
    PlaceSubtree,
    CompoundOwners,
    BodyMembers,
}

/// <summary>Positions of a consent poll (agree / abstain / disagree / block).</summary>
public enum ConsentPosition
{
    Agree,
    Abstain,
    Disagree,
    Block,
}

/// <summary>Standing bodies that consult (议事会, 业委会, 监事会, 物业, 联席会议, 智库).</summary>
public enum BodyKind
{
    ResidentsCouncil,
    OwnersCommittee,
    SupervisoryBoard,
    PropertyCompany,
    JointMeeting,
    ThinkTank,
}

/// <summary>What a meeting decided on an agenda item.</summary>
public enum AgendaOutcome
{
    Adopted,
    Rejected,
    Deferred,
}

/// <summary>Categories of classified democratic consultation (分类民主协商); each is routed to a body.</summary>
public enum TopicCategory
{
    Environment,
    Parking,
    PropertyFees,
    Renovation,
    Safety,
    Culture,
    Other,
}

/// <summary>Phases of a community fund year (Chengdu's five steps), moved on by their dates.</summary>
public enum FundPhase
{
    Proposals,
    Slate,
    Hearing,
    Decision,
    Implementation,
    Acceptance,
    Closed,
}

/// <summary>Priority areas of the fund.</summary>
public enum FundCategory
{
    ServingTheMasses,
    ResidentSkills,
    Volunteering,
    CourtyardEnvironment,
    CommunityBuilding,
    Infrastructure,
}

/// <summary>Who bears the cost: only public costs of the community qualify; the others are the negative list.</summary>
public enum FundCostType
{
    PublicCommunity,
    PrivateCost,
    OtherPartyDuty,
    GovernmentDuty,
}

public enum FundProjectStatus
{
    Proposed,
    OnSlate,
    PassedHearing,
    Dropped,
    Funded,
    NotFunded,
}

/// <summary>Community builders (营造师) advise on spaces and landscapes, or on activities.</summary>
public enum BuilderSpecialty
{
    Space,
    Activity,
}

/// <summary>Where a tracked result comes from.</summary>
public enum ResultSource
{
    AgendaDecision,
    FundProject,
}

public enum ResultStatus
{
    Planned,
    InProgress,
    Done,
    Stalled,
}
