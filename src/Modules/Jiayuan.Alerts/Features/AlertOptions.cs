namespace Jiayuan.Alerts.Features;

/// <summary>Settings of the alert platform (configuration section <c>Alerts</c>).</summary>
public sealed class AlertOptions
{
    /// <summary>How long nobody may acknowledge before the alert escalates one level outward.</summary>
    public int AckTimeoutSeconds { get; set; } = 60;

    /// <summary>How often the escalation sweep runs; 0 turns the background sweep off (tests call it directly).</summary>
    public int SweepSeconds { get; set; } = 5;

    /// <summary>Alerts a resident may raise per minute (staff and responders: <see cref="StaffRaisesPerMinute"/>).</summary>
    public int ResidentRaisesPerMinute { get; set; } = 3;

    public int StaffRaisesPerMinute { get; set; } = 60;
}
