using System.Text.RegularExpressions;
using Jiayuan.Demands.Contracts;

namespace Jiayuan.Demands.Domain;

/// <summary>Something a person does to a demand; the state machine says when it is allowed.</summary>
internal enum DemandAction
{
    Dispatch,
    Accept,
    Return,
    Progress,
    Contact,
    RequestExtension,
    DecideExtension,
    Reply,
    Rate,
    Urge,
    ModeratePhoto,
}

/// <summary>The rules of a demand's life: which action is allowed in which state, and its time limits.</summary>
internal static partial class DemandRules
{
    private static readonly DemandStatus[] Handling = [DemandStatus.Accepted, DemandStatus.InProgress, DemandStatus.Reopened];

    /// <summary>The states an action may start from.</summary>
    public static DemandStatus[] AllowedFrom(DemandAction action) => action switch
    {
        DemandAction.Dispatch => [DemandStatus.Registered, DemandStatus.Dispatched, DemandStatus.Returned],
        DemandAction.Accept or DemandAction.Return => [DemandStatus.Dispatched],
        DemandAction.Progress or DemandAction.Contact or DemandAction.RequestExtension or DemandAction.DecideExtension or DemandAction.Reply => Handling,
        DemandAction.Rate => [DemandStatus.Replied],
        DemandAction.Urge => [DemandStatus.Dispatched, .. Handling],
        DemandAction.ModeratePhoto => Enum.GetValues<DemandStatus>(),
        _ => [],
    };

    public static bool Allows(DemandStatus status, DemandAction action) => AllowedFrom(action).Contains(status);

    /// <summary>English resource keys for the states (Chinese in the resources: 已受理, 已派单 …).</summary>
    public static string Label(DemandStatus status) => status switch
    {
        DemandStatus.Registered => "Registered",
        DemandStatus.Dispatched => "Dispatched",
        DemandStatus.Accepted => "Accepted",
        DemandStatus.InProgress => "In progress",
        DemandStatus.Replied => "Replied",
        DemandStatus.Closed => "Closed",
        DemandStatus.Returned => "Returned",
        _ => "Reopened",
    };

    public static string Label(DemandType type) => type switch
    {
        DemandType.Inquiry => "Inquiry",
        DemandType.Help => "Help",
        DemandType.Complaint => "Complaint",
        DemandType.Report => "Report",
        DemandType.Suggestion => "Suggestion",
        _ => "Enterprise issue",
    };

    public static string Label(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency",
        Urgency.Utility => "Utilities",
        Urgency.Complex => "Complex",
        _ => "Normal",
    };

    public static string Label(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "Satisfied",
        Satisfaction.BasicallySatisfied => "Basically satisfied",
        _ => "Unsatisfied",
    };

    public static string Label(ReturnReason reason) => reason switch
    {
        ReturnReason.WrongPlace => "Wrong place",
        ReturnReason.WrongFunction => "Wrong function",
        _ => "Unclear ownership",
    };

    public static string Label(DemandEventKind kind) => kind switch
    {
        DemandEventKind.Registered => "Registered",
        DemandEventKind.Dispatched => "Dispatched",
        DemandEventKind.Accepted => "Accepted",
        DemandEventKind.Returned => "Returned",
        DemandEventKind.Progress => "Progress",
        DemandEventKind.Contacted => "Requester contacted",
        DemandEventKind.ExtensionRequested => "Extension requested",
        DemandEventKind.ExtensionApproved => "Extension approved",
        DemandEventKind.ExtensionRefused => "Extension refused",
        DemandEventKind.Replied => "Replied",
        DemandEventKind.Rated => "Rated",
        DemandEventKind.Reopened => "Reopened",
        DemandEventKind.Closed => "Closed",
        DemandEventKind.AutoClosed => "Closed without rating",
        DemandEventKind.Urged => "Urged",
        DemandEventKind.Supervised => "Supervised",
        DemandEventKind.PhotoHidden => "Photo hidden",
        DemandEventKind.PhotoShown => "Photo shown again",
        _ => "Followed",
    };

    /// <summary>Time allowed to accept (签收) after dispatch: 1 h emergencies, 2 h utilities, 24 h otherwise.</summary>
    public static TimeSpan AcceptLimit(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => TimeSpan.FromHours(1),
        Urgency.Utility => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(24),
    };

    /// <summary>Working days to reply by type (inquiry and help 3, complaints and reports 13, others 7).</summary>
    public static int FeedbackWorkingDays(DemandType type) => type switch
    {
        DemandType.Inquiry or DemandType.Help => 3,
        DemandType.Complaint or DemandType.Report => 13,
        _ => 7,
    };

    /// <summary>The SLA deadline, counted from dispatch: hours for emergencies (2 h) and utilities (24 h), working days otherwise (complex 15).</summary>
    public static DateTimeOffset Deadline(IReadOnlyDictionary<DateOnly, CalendarDay> calendar, DateTimeOffset dispatchedAt, Urgency urgency, DemandType type, int? categoryDays) => urgency switch
    {
        Urgency.Emergency => dispatchedAt.AddHours(2),
        Urgency.Utility => dispatchedAt.AddHours(24),
        Urgency.Complex => WorkCalendar.AddWorkingDays(calendar, dispatchedAt, 15),
        _ => WorkCalendar.AddWorkingDays(calendar, dispatchedAt, categoryDays ?? FeedbackWorkingDays(type)),
    };

    /// <summary>Masks personal data inside free text: phone numbers, ID numbers, e-mail addresses and room numbers.</summary>
    public static string MaskPersonalData(string text, string? requesterName = null)
    {
        var masked = MobileRegex().Replace(text, m => m.Value[..3] + "****" + m.Value[^4..]);
        masked = LandlineRegex().Replace(masked, m => m.Value[..4] + "****");
        masked = IdRegex().Replace(masked, m => m.Value[..3] + new string('*', m.Value.Length - 7) + m.Value[^4..]);
        masked = EmailRegex().Replace(masked, m => m.Value[0] + "***@" + m.Value[(m.Value.IndexOf('@') + 1)..]);
        masked = RoomRegex().Replace(masked, m => m.Groups[1].Value + "**室");
        masked = NameIntroRegex().Replace(masked, m => m.Groups[1].Value + m.Groups[2].Value[0] + new string('*', m.Groups[2].Value.Length - 1));
        if (!string.IsNullOrWhiteSpace(requesterName) && requesterName.Length >= 2)
        {
            masked = masked.Replace(requesterName, requesterName[0] + new string('*', requesterName.Length - 1), StringComparison.Ordinal);
        }
        return masked;
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileRegex();

    [GeneratedRegex(@"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")]
    private static partial Regex LandlineRegex();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailRegex();

    // "3栋2单元501室" / "2单元1203号": keep the building and unit, hide the room.
    [GeneratedRegex(@"(\d+\s*单元\s*|\d+\s*栋\s*)\d{3,4}\s*(?:室|号)?")]
    private static partial Regex RoomRegex();

    // "我叫王小明" / "姓名：李四" / "联系人张三".
    [GeneratedRegex(@"(我叫|我是|姓名[:：]?\s*|联系人[:：]?\s*)(\p{IsCJKUnifiedIdeographs}{2,3})")]
    private static partial Regex NameIntroRegex();

    /// <summary>Distance in meters between two WGS-84 points (haversine).</summary>
    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
