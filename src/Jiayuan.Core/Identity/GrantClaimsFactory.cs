using System.Security.Claims;
using Jiayuan.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiayuan.Core.Identity;

/// <summary>
/// Puts the user's grants into the sign-in principal so authorization needs no database round trip per request.
/// A changed grant takes effect at the next sign-in or security-stamp refresh (role changes update the stamp).
/// </summary>
internal sealed class GrantClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, JiayuanDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == user.Id).ToListAsync();
        foreach (var g in grants)
        {
            identity.AddClaim(new Claim(Scope.GrantClaim, Scope.ClaimValue(g.Role, g.NodePath)));
        }
        if (grants.Any(g => g.Role is Role.SubdistrictAdmin or Role.SystemAdmin))
        {
            identity.AddClaim(new Claim(Scope.PermissionClaim, Scope.UnmaskPermission));
        }
        identity.AddClaim(new Claim("jy:name", user.DisplayName ?? user.UserName ?? ""));
        return identity;
    }
}
