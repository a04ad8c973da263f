namespace Jiayuan.Demands.Contracts;

/// <summary>Settings of the Demands module (section "Demands"), defaults from DOMAIN-RULES §3.</summary>
public sealed class DemandOptions
{
    /// <summary>Replied demands nobody rated are closed after this many days and counted as unrated.</summary>
    public int AutoCloseDays { get; set; } = 7;
    /// <summary>Weight of 基本满意 in 满意率, in percent.</summary>
    public int BasicallySatisfiedWeightPercent { get; set; } = 50;
    /// <summary>A demand is urged (催办) once this share of its time limit has passed.</summary>
    public int UrgeAtPercent { get; set; } = 75;
    /// <summary>How often the escalation process looks at open demands.</summary>
    public int ScanSeconds { get; set; } = 30;
    /// <summary>Similar open demands within this distance are suggested before submitting.</summary>
    public int DuplicateRadiusMeters { get; set; } = 50;
    /// <summary>Who takes a demand no rule and no category default matches (兜底); empty = the subdistrict.</summary>
    public string? FallbackHandlerPath { get; set; }
}
