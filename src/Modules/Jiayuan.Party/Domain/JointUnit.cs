namespace Jiayuan.Party.Domain;

/// <summary>A unit (enterprise, social organization…) covered by a joint branch (联合党支部, ≤ 5 units); named as the unit calls itself.</summary>
internal sealed class JointUnit
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string Name { get; set; }
    /// <summary>The unit's place, when it is in the place directory.</summary>
    public long? PlaceId { get; set; }
    /// <summary>The order units were listed in (the leading unit first).</summary>
    public int Position { get; set; }
}
