using Microsoft.AspNetCore.Identity;

namespace Jiayuan.Core.Identity;

/// <summary>An account. Phone and ID number are stored encrypted with a keyed hash beside them for exact lookup.</summary>
public sealed class AppUser : IdentityUser<long>
{
    public string? DisplayName { get; set; }
    public string? RealName { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }
    /// <summary>Masked phone kept in clear for display; the full number exists only as cipher text.</summary>
    public string? PhoneMasked { get; set; }
    public string? IdNumberMasked { get; set; }
    public bool PhoneVerified { get; set; }
    public long? HomePlaceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
