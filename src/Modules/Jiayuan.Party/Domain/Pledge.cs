namespace Jiayuan.Party.Domain;

/// <summary>A member's public pledge for a year (公开承诺), shown on the community page only with the member's consent.</summary>
internal sealed class Pledge
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public required string PlacePath { get; set; }
    public required string MemberName { get; set; }
    public required string OrganizationName { get; set; }
    public int Year { get; set; }
    public required string Text { get; set; }
    /// <summary>0–100.</summary>
    public int Progress { get; set; }
    public string? ProgressNote { get; set; }
    public bool Fulfilled { get; set; }
    /// <summary>The member agreed to show it publicly (party membership is sensitive personal information).</summary>
    public bool PublicConsent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
