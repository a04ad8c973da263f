using Jiayuan.Demands.Contracts;

namespace Jiayuan.Demands.Domain;

/// <summary>A category of the catalogue an admin maintains (an Open311 service).</summary>
internal sealed class Category
{
    public long Id { get; set; }
    /// <summary>Open311 service_code.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Group { get; set; }
    public string? Description { get; set; }
    public string? Keywords { get; set; }
    public DemandType DefaultType { get; set; }
    public Urgency DefaultUrgency { get; set; }
    /// <summary>Where demands go when no routing rule matches; null = the community of the place (属地).</summary>
    public string? DefaultHandlerPath { get; set; }
    /// <summary>Working days to reply for normal urgency; null = the type's default.</summary>
    public int? FeedbackWorkingDays { get; set; }
    /// <summary>Extra fields (Open311 attributes) as JSON, or null.</summary>
    public string? AttributesJson { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>category × place subtree → responsible unit (lead) and co-units. The most specific match wins.</summary>
internal sealed class RoutingRule
{
    public long Id { get; set; }
    /// <summary>Null = every category.</summary>
    public long? CategoryId { get; set; }
    public required string PlacePath { get; set; }
    public required string HandlerPath { get; set; }
    /// <summary>Co-units' paths, separated by '|'.</summary>
    public string? CoHandlerPaths { get; set; }
}

internal sealed class Demand
{
    public long Id { get; set; }
    /// <summary>Open311 token and the requester's receipt number.</summary>
    public required string Token { get; set; }
    public DemandType Type { get; set; }
    public long CategoryId { get; set; }
    public Urgency Urgency { get; set; }
    public DemandChannel Channel { get; set; }
    public required string Description { get; set; }
    /// <summary>The description with personal data masked: what the public board and Open311 show.</summary>
    public required string PublicDescription { get; set; }
    public string? PlacePath { get; set; }
    /// <summary>The place's code (Open311 address_id).</summary>
    public string? PlaceCode { get; set; }
    /// <summary>The place as the public may see it: a household is shown as its building.</summary>
    public string? PlaceName { get; set; }
    /// <summary>The community the demand belongs to (scope of community workers); the subdistrict when unknown.</summary>
    public required string CommunityPath { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? RequesterUserId { get; set; }
    public string? RequesterName { get; set; }
    public string? RequesterPhoneCipher { get; set; }
    public string? RequesterPhoneMasked { get; set; }
    public long? RegisteredByUserId { get; set; }
    public long? Open311ClientId { get; set; }
    public string? AttributesJson { get; set; }
    public string? MediaUrl { get; set; }

    public DemandStatus Status { get; set; }
    public string? HandlerPath { get; set; }
    public string? HandlerName { get; set; }
    public string? CoHandlerNames { get; set; }
    /// <summary>Co-units' paths, separated by '|': they see the demand and add progress notes; the lead unit accepts and replies.</summary>
    public string? CoHandlerPaths { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? AcceptBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ContactedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>When the escalation process urges the unit (a share of the time limit has passed).</summary>
    public DateTimeOffset? UrgeAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Reply { get; set; }
    public int? ExtensionDays { get; set; }
    public string? ExtensionReason { get; set; }

    /// <summary>0 none, 1 urged (催办), 2 supervised (督办).</summary>
    public int Escalation { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public bool? Resolved { get; set; }
    public string? RatingComment { get; set; }
    public int ReopenCount { get; set; }
    public int Followers { get; set; }
    public long? DuplicateOfId { get; set; }

    /// <summary>yyyymm of creation in China time: the month the metrics count the demand in.</summary>
    public int Month { get; set; }
    /// <summary>Contacted or accepted before <see cref="AcceptBy"/> (响应).</summary>
    public bool RespondedInTime { get; set; }
    public bool ClosedOnTime { get; set; }
    /// <summary>Another open demand of the same category at the same place existed when it came in.</summary>
    public bool IsRepeat { get; set; }

    /// <summary>Optimistic concurrency: every change increments it; a stale write gets 409.</summary>
    public int Version { get; set; }

    public bool IsOpen => Status is not DemandStatus.Closed;

    /// <summary>Sets the SLA deadline counted from <paramref name="start"/> and the moment to urge at <paramref name="urgePercent"/> of it.</summary>
    public void SetDeadline(DateTimeOffset start, DateTimeOffset deadline, int urgePercent)
    {
        Deadline = deadline;
        UrgeAt = start + (deadline - start) * (urgePercent / 100.0);
        Escalation = 0;
    }
}

internal enum DemandEventKind
{
    Registered,
    Dispatched,
    Accepted,
    Returned,
    Progress,
    Contacted,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    Replied,
    Rated,
    Reopened,
    Closed,
    AutoClosed,
    Urged,
    Supervised,
    Followed,
    PhotoHidden,
    PhotoShown,
}

/// <summary>One step of a demand's history (the timeline).</summary>
internal sealed class DemandEvent
{
    public long Id { get; set; }
    public long DemandId { get; set; }
    public Demand? Demand { get; set; }
    public DateTimeOffset At { get; set; }
    public DemandEventKind Kind { get; set; }
    public long? ActorUserId { get; set; }
    /// <summary>Who acted, as the public may see it (a unit's name, "居民", "系统").</summary>
    public required string Actor { get; set; }
    public string? Note { get; set; }
    public bool Public { get; set; }
    public string? HandlerName { get; set; }
}

internal sealed class DemandPhoto
{
    public long Id { get; set; }
    public long DemandId { get; set; }
    public Demand? Demand { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Set when staff hid the photo (a face, a licence plate, someone's home): then only staff see it.</summary>
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>A resident who follows someone else's demand ("关注") instead of submitting a duplicate.</summary>
internal sealed class DemandFollower
{
    public long Id { get; set; }
    public long DemandId { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An entry of the statutory calendar: a holiday, or a make-up working weekend day (调休).</summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool Workday { get; set; }
    public required string Name { get; set; }
}

/// <summary>An in-app notification to a person or to whoever works for a unit.</summary>
internal sealed class Notification
{
    public long Id { get; set; }
    public long? UserId { get; set; }
    public string? HandlerPath { get; set; }
    public long DemandId { get; set; }
    /// <summary>Set when the demand is created in the same transaction (its id is not known yet).</summary>
    public Demand? Demand { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>A client of the Open311 API with its key (only a hash is stored).</summary>
internal sealed class Open311Client
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public required string KeyPrefix { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Revoked { get; set; }
}

internal static class DemandQueryExtensions
{
    /// <summary>Demands whose community lies in the subtree of <paramref name="path"/> (one range scan on the path index).</summary>
    public static IQueryable<Demand> InCommunitiesUnder(this IQueryable<Demand> query, string path)
    {
        var (from, to) = Jiayuan.Core.Data.TreePath.Descendants(path);
        return query.Where(d => d.CommunityPath == path || (string.Compare(d.CommunityPath, from) >= 0 && string.Compare(d.CommunityPath, to) < 0));
    }
}
