using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>
/// 双报到: a unit's organization reports to the community's organization (<see cref="MemberId"/> null), or a serving member
/// reports to the community where they live. One report per year and community.
/// </summary>
internal sealed class DualReport
{
    public long Id { get; set; }
    public long? OrganizationId { get; set; }
    public long? MemberId { get; set; }
    public required string Name { get; set; }
    public long CommunityId { get; set; }
    public required string CommunityPath { get; set; }
    public int Year { get; set; }
    public DateOnly ReportedOn { get; set; }
    public EvaluationGrade? Evaluation { get; set; }
    public string? EvaluationNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A post on a community's needs list that registered members claim (认领岗位).</summary>
internal sealed class ServicePost
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public required string CommunityPath { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int Slots { get; set; }
    public int Claimed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PostClaim
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public long MemberId { get; set; }
    public DateOnly ClaimedOn { get; set; }
}
