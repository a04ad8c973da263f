namespace Jiayuan.Notices.Contracts;

/// <summary>The notice boards of the service hall (公示栏).</summary>
public enum NoticeBoard
{
    Property,
    FamilyPlanning,
    CivilAffairs,
    LabourSecurity,
    Sanitation,
    PartyAffairs,
    ResidentAffairs,
    Finance,
}

/// <summary>Resource keys of the boards (zh-CN: 物业、计生、民政、劳动保障、环境卫生、党务公开、居务公开、财务公开).</summary>
public static class NoticeBoards
{
    public static string Label(NoticeBoard board) => board switch
    {
        NoticeBoard.Property => "Property management",
        NoticeBoard.FamilyPlanning => "Family planning",
        NoticeBoard.CivilAffairs => "Civil affairs",
        NoticeBoard.LabourSecurity => "Labour and social security",
        NoticeBoard.Sanitation => "Environment and sanitation",
        NoticeBoard.PartyAffairs => "Party affairs disclosure",
        NoticeBoard.ResidentAffairs => "Residents' affairs disclosure",
        _ => "Financial disclosure",
    };
}

/// <summary>Lets another module publish a notice (e.g. Party publishes yearly dues to 党务公开).</summary>
public interface INoticePublisher
{
    Task<long> PublishAsync(long placeId, NoticeBoard board, string title, string html, CancellationToken cancellationToken = default);
}
