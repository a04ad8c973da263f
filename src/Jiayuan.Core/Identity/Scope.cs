using System.Security.Claims;

namespace Jiayuan.Core.Identity;

/// <summary>Reads the caller's grants from claims and answers "may this caller act on that node?".</summary>
public static class Scope
{
    public const string GrantClaim = "jy:grant";
    public const string PermissionClaim = "jy:perm";

    /// <summary>Permission to see personal data unmasked (each use audited).</summary>
    public const string UnmaskPermission = "unmask";

    public static string ClaimValue(Role role, string nodePath) => $"{role}|{nodePath}";

    public static IEnumerable<(Role Role, string Path)> Grants(this ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(GrantClaim))
        {
            var bar = claim.Value.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && Enum.TryParse<Role>(claim.Value.AsSpan(0, bar), out var role))
            {
                yield return (role, claim.Value[(bar + 1)..]);
            }
        }
    }

    /// <summary>True when one of <paramref name="roles"/> is granted at <paramref name="nodePath"/> or one of its ancestors.</summary>
    public static bool Covers(this ClaimsPrincipal user, string nodePath, params Role[] roles)
    {
        foreach (var (role, path) in user.Grants())
        {
            if ((role == Role.SystemAdmin || roles.Contains(role)) && IsWithin(nodePath, path))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the caller holds any of <paramref name="roles"/> anywhere (SystemAdmin always counts).</summary>
    public static bool HasAnyRole(this ClaimsPrincipal user, params Role[] roles) =>
        user.Grants().Any(g => g.Role == Role.SystemAdmin || roles.Contains(g.Role));

    /// <summary>The subtree roots where the caller holds one of <paramref name="roles"/>.</summary>
    public static IReadOnlyList<string> Roots(this ClaimsPrincipal user, params Role[] roles) =>
        [.. user.Grants().Where(g => g.Role == Role.SystemAdmin || roles.Contains(g.Role)).Select(g => g.Path).Distinct()];

    public static bool IsWithin(string nodePath, string rootPath) =>
        nodePath.StartsWith(rootPath, StringComparison.Ordinal)
        && (nodePath.Length == rootPath.Length || rootPath.EndsWith('/') || nodePath[rootPath.Length] == '/');

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool Can(this ClaimsPrincipal user, string permission) =>
        user.HasClaim(PermissionClaim, permission) || user.Grants().Any(g => g.Role == Role.SystemAdmin);
}
