using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Features.Topics;

/// <summary>Resource keys of topic categories and body kinds.</summary>
public static class TopicLabels
{
    public static string Category(TopicCategory category) => category switch
    {
        TopicCategory.Environment => "Environment",
        TopicCategory.Parking => "Parking",
        TopicCategory.PropertyFees => "Property fees",
        TopicCategory.Renovation => "Renovation",
        TopicCategory.Safety => "Safety",
        TopicCategory.Culture => "Culture",
        _ => "Other topics",
    };

    public static string Body(BodyKind kind) => kind switch
    {
        BodyKind.ResidentsCouncil => "Residents' council",
        BodyKind.OwnersCommittee => "Owners' committee",
        BodyKind.SupervisoryBoard => "Supervisory board",
        BodyKind.PropertyCompany => "Property company",
        BodyKind.JointMeeting => "Joint meeting",
        _ => "Think tank (community builders)",
    };
}
