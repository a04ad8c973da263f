namespace Jiayuan.Core.Audit;

/// <summary>One audited action: who did what to which record, when and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public long? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>create, update, delete, unmask, login, login-failed, …</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? RemoteAddress { get; set; }
    /// <summary>Changed field names (never their values) or a short note.</summary>
    public string? Detail { get; set; }
}

/// <summary>Marks an entity whose writes are technical bookkeeping, not business records (e.g. read receipts).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Suspends the audit of row writes in the current async flow: only for generated fixture data (benchmarks), never for user actions.</summary>
public static class AuditSuppression
{
    private static readonly AsyncLocal<bool> _suppressed = new();

    public static bool IsSuppressed => _suppressed.Value;

    public static IDisposable Begin()
    {
        _suppressed.Value = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => _suppressed.Value = false;
    }
}
