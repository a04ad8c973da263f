namespace Jiayuan.Party.Contracts;

/// <summary>Kinds of Party organization. <see cref="PartyGroup"/> lives inside a branch and is not counted as an organization.</summary>
public enum OrgKind
{
    WorkingCommittee,
    Committee,
    GeneralBranch,
    Branch,
    JointBranch,
    PartyGroup,
}

/// <summary>Two-new organizations (两新组织): non-public enterprises and social organizations.</summary>
public enum TwoNewKind
{
    NonPublicEnterprise,
    SocialOrganization,
}

/// <summary>How an organization was formed: standalone (单独建), jointly (联建) or by affiliation (挂靠).</summary>
public enum FormationMode
{
    Standalone,
    Joint,
    Affiliated,
}

public enum MemberStatus
{
    Probationary,
    Full,
    /// <summary>Probationary membership cancelled by the branch meeting (取消预备党员资格): no longer a member; the row stays for the record.</summary>
    Cancelled,
}

/// <summary>Which dues rate table applies to a member (中组部 2008).</summary>
public enum DuesCategory
{
    Employed,
    Retired,
    /// <summary>Students, the unemployed and members on relief: a flat 0.20 yuan a month.</summary>
    Flat,
}

/// <summary>New organizations founded in the year, by kind.</summary>
public sealed record NewOrganizations(int Total, int NonPublicEnterprise, int SocialOrganization, int CourtyardBranch);

/// <summary>Party statistics for a node of the place tree and a year, computed from the records.</summary>
public sealed record PartyStats(string Scope, string ScopeName, int Year, int Organizations, int TwoNewOrganizations, int Members, int TwoNewMembers,
    int CourtyardBranches, int PartyGroups, NewOrganizations NewOrganizations);

/// <summary>Party statistics for other modules (the dashboard).</summary>
public interface IPartyStatistics
{
    Task<PartyStats?> ForPlaceAsync(string placeCode, int year, CancellationToken cancellationToken = default);
}

/// <summary>A rule an organization breaks or is close to breaking. <see cref="Message"/> names the rule (a resource key with
/// <see cref="Args"/> inside the module; the caller's language, with no args, in API responses).</summary>
public sealed record RuleFlag(string Code, string Message, object[] Args);

/// <summary>Kinds of organizational life (三会一课, theme day, organizational-life meeting, democratic appraisal).</summary>
public enum MeetingKind
{
    GeneralMeeting,
    CommitteeMeeting,
    GroupMeeting,
    PartyLesson,
    ThemeDay,
    OrganizationalLife,
    DemocraticAppraisal,
}

public enum TransferStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>What happened (or would happen) to one row of the workbook; row numbers are the sheet's (header = 1).</summary>
public sealed record ImportRow(int Row, string? Name, bool Valid, IReadOnlyList<string> Errors);

/// <summary>The outcome of a roster import: counts and every row with a problem.</summary>
public sealed record ImportReport(bool DryRun, int Rows, int Valid, int Invalid, int Imported, IReadOnlyList<ImportRow> Problems);

/// <summary>Imports a member roster workbook into the organizations under a place (used by the API, the page and the CLI).</summary>
public interface IRosterImport
{
    Task<ImportReport> RunAsync(Stream workbook, string scopePath, bool dryRun, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct, IProgress<int>? progress = null);
}

/// <summary>Yearly evaluation of a member's service in the community where they registered (双报到).</summary>
public enum EvaluationGrade
{
    Excellent,
    Good,
    Pass,
    Fail,
}

/// <summary>Benchmark data for the city-scale statistics benchmark: one branch per courtyard with generated members.</summary>
public interface IPartyBenchmarkData
{
    Task<(int Organizations, int Members)> GenerateAsync(IReadOnlyList<Jiayuan.Places.Contracts.PlaceSummary> courtyards, int membersPerBranch, IProgress<int>? progress, CancellationToken cancellationToken = default);
}

/// <summary>What a branch spent dues on (党费使用).</summary>
public enum DuesUsePurpose
{
    /// <summary>上缴上级党委.</summary>
    RemittedToHigher,
    /// <summary>党员教育.</summary>
    MemberEducation,
    /// <summary>慰问困难党员.</summary>
    HardshipRelief,
    Other,
}
