using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>A Party organization (or a party group inside a branch), attached to the place it covers.</summary>
internal sealed class PartyOrganization
{
    public long Id { get; set; }
    public long? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrgKind Kind { get; set; }
    public TwoNewKind? TwoNew { get; set; }
    public FormationMode FormationMode { get; set; }
    /// <summary>Materialized path of organization codes (the Party tree).</summary>
    public required string Path { get; set; }
    /// <summary>The place it covers (a courtyard, community, park, unit…) and that place's path, for scoping and statistics.</summary>
    public long PlaceId { get; set; }
    public required string PlacePath { get; set; }
    public required string PlaceKind { get; set; }
    /// <summary>Units a joint branch covers (联合党支部 ≤ 5); their names are <see cref="JointUnit"/> rows.</summary>
    public int CoveredUnits { get; set; } = 1;
    public DateOnly FoundedOn { get; set; }
    public DateOnly? LastElectionOn { get; set; }
    /// <summary>True when a branch committee is elected (secretary plus members); otherwise a secretary alone.</summary>
    public bool HasCommittee { get; set; }
    public string? Secretary { get; set; }
    public string? DeputySecretary { get; set; }
    public string? OrganizationMember { get; set; }
    public string? PropagandaMember { get; set; }
    public string? DisciplineMember { get; set; }
    /// <summary>Members of this organization, maintained by <see cref="Data.OrgCounters"/> on every member insert or move (dashboards sum it).</summary>
    public int MemberCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsCourtyardBranch => Kind == OrgKind.Branch && PlaceKind == "Courtyard";

    /// <summary>Community branches serve 5-year terms, other organizations normally 3 [支部工作条例].</summary>
    public int TermYears => PlaceKind is "Community" or "Courtyard" ? 5 : 3;

    public DateOnly ElectionDue => (LastElectionOn ?? FoundedOn).AddYears(TermYears);
}
