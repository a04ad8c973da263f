namespace Jiayuan.Demands.Contracts;

/// <summary>What the person is asking for (DOMAIN-RULES §3).</summary>
public enum DemandType
{
    Inquiry,
    Help,
    Complaint,
    Report,
    Suggestion,
    EnterpriseIssue,
}

/// <summary>How urgent a demand is; it selects the time limits.</summary>
public enum Urgency
{
    Normal,
    /// <summary>Water, power, gas, heating, extreme weather.</summary>
    Utility,
    /// <summary>Emergencies and risk to life or property.</summary>
    Emergency,
    /// <summary>Needs several parties; the long limit applies.</summary>
    Complex,
}

/// <summary>The states of a demand (DOMAIN-RULES §3).</summary>
public enum DemandStatus
{
    Registered,
    Dispatched,
    Accepted,
    InProgress,
    Replied,
    Closed,
    /// <summary>Returned by the unit; waits for re-dispatch or the subdistrict's arbitration.</summary>
    Returned,
    /// <summary>Rated 不满意 or 未解决: the same unit handles it again (重办).</summary>
    Reopened,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>Why a unit returns a demand (退单).</summary>
public enum ReturnReason
{
    WrongPlace,
    WrongFunction,
    UnclearOwnership,
}

/// <summary>Where a demand came in.</summary>
public enum DemandChannel
{
    Web,
    Staff,
    Phone,
    Open311,
}

/// <summary>Demand counts other modules (the dashboard) may show.</summary>
public interface IDemandFigures
{
    /// <summary>Open demands and overdue open demands under a place.</summary>
    Task<(int Open, int Overdue)> OpenUnderAsync(string placePath, CancellationToken cancellationToken = default);
}

/// <summary>Benchmark fixture: generated demands at city scale (no personal data), for the `seed demands` verb.</summary>
public interface IDemandBenchmarkData
{
    /// <summary>Adds <paramref name="count"/> demands spread over the last <paramref name="days"/> days across the demo's communities.</summary>
    Task<int> GenerateAsync(int count, int days, IProgress<int>? progress, CancellationToken cancellationToken = default);
}
