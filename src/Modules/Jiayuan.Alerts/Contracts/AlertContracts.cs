namespace Jiayuan.Alerts.Contracts;

/// <summary>What happened (resource keys in <see cref="AlertLabels"/>).</summary>
public enum AlertKind
{
    Theft,
    Fight,
    Fire,
    Medical,
    MissingPerson,
    SuspiciousPerson,
    Disaster,
    Other,
}

/// <summary>A responder's duty status; only <see cref="OnDuty"/> responders receive alerts.</summary>
public enum DutyStatus
{
    OnDuty,
    OffDuty,
    Busy,
}

/// <summary>What a responder says about an alert.</summary>
public enum ResponseStatus
{
    Acknowledged,
    OnMyWay,
    OnScene,
    Resolved,
}

/// <summary>The kinds of event on an alert's timeline.</summary>
public enum AlertEventType
{
    Raised,
    Acknowledged,
    OnMyWay,
    OnScene,
    Resolved,
    Escalated,
}

public enum AlertState
{
    Open,
    Resolved,
}

/// <summary>An alert as clients see it (hub <c>AlertRaised</c>, API). <see cref="EventId"/> is the event that delivered it.</summary>
public sealed record AlertView(long Id, long EventId, AlertKind Kind, long PlaceId, string PlaceName, string PlacePath, double? Latitude, double? Longitude,
    string Text, string RaisedBy, DateTimeOffset RaisedAt, AlertState State, int Level, string LevelName, IReadOnlyList<ResponderOnAlert> Responders);

/// <summary>A responder's latest status on an alert: first name (masked) and unit only.</summary>
public sealed record ResponderOnAlert(string Name, string Unit, ResponseStatus Status, int? EtaMinutes, DateTimeOffset At);

/// <summary>One event of an alert after it was raised (hub <c>AlertUpdated</c>, timeline).</summary>
public sealed record AlertUpdate(long EventId, long AlertId, AlertEventType Type, string? ResponderName, string? Unit, int? EtaMinutes, string? Note,
    int Level, AlertState State, DateTimeOffset At);

/// <summary>One missed message returned by the hub's <c>Resume</c>: exactly one of <see cref="Raised"/> and <see cref="Updated"/> is set.</summary>
public sealed record ResumeItem(long EventId, AlertView? Raised, AlertUpdate? Updated);

/// <summary>An alert for a responder who is not connected to the console.</summary>
public sealed record ResponderNotification(long UserId, string ResponderName, long AlertId, AlertKind Kind, string PlaceName, string Text, string Url);

/// <summary>
/// Reaches responders outside the browser. Deployments plug in SMS, voice calls or WeChat; the development channel writes to the
/// outbox (admin page). Called for every recipient that has no open console connection.
/// </summary>
public interface IResponderNotifier
{
    Task NotifyAsync(ResponderNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>Resource keys (English) for the alert enums.</summary>
public static class AlertLabels
{
    public static string Kind(AlertKind kind) => kind switch
    {
        AlertKind.Theft => "Theft",
        AlertKind.Fight => "Fight",
        AlertKind.Fire => "Fire",
        AlertKind.Medical => "Medical emergency",
        AlertKind.MissingPerson => "Missing person",
        AlertKind.SuspiciousPerson => "Suspicious person",
        AlertKind.Disaster => "Disaster",
        _ => "Other",
    };

    public static string Duty(DutyStatus status) => status switch
    {
        DutyStatus.OnDuty => "On duty",
        DutyStatus.OffDuty => "Off duty",
        _ => "Busy",
    };

    public static string Event(AlertEventType type) => type switch
    {
        AlertEventType.Raised => "Raised",
        AlertEventType.Acknowledged => "Received",
        AlertEventType.OnMyWay => "On my way",
        AlertEventType.OnScene => "On scene",
        AlertEventType.Resolved => "Resolved",
        _ => "Escalated",
    };
}

/// <summary>What the server calls on clients of the hub <c>/hubs/alerts</c>; every message carries an increasing <c>eventId</c>.</summary>
public interface IAlertClient
{
    Task AlertRaised(AlertView alert);
    Task AlertUpdated(AlertUpdate update);
}
