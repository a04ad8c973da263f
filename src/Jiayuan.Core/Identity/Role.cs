namespace Jiayuan.Core.Identity;

/// <summary>The roles of the platform. Every role except <see cref="Resident"/> is granted at a node and covers its subtree.</summary>
public enum Role
{
    Resident,
    PartyMember,
    BranchSecretary,
    CommunityWorker,
    SubdistrictAdmin,
    UnitContact,
    Responder,
    Builder,
    SystemAdmin,
}

/// <summary>A role granted to a user at a node (place or Party organization), identified by its materialized path.</summary>
public sealed class RoleGrant
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public Role Role { get; set; }
    public required string NodePath { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
