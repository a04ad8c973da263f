using System.Security.Claims;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Domain;

namespace Jiayuan.Demands.Features;

/// <summary>Who may see and do what with a demand.</summary>
internal static class DemandAccess
{
    /// <summary>Dispatchers: community workers of the demand's community and the subdistrict (the hub).</summary>
    public static readonly Role[] Dispatchers = [Role.CommunityWorker, Role.SubdistrictAdmin];

    /// <summary>People who work for a handling unit (a unit's contact, or the community's workers when the community handles it).</summary>
    /// <remarks>A branch secretary handles demands dispatched to the place their Party organization covers (支部建在院落: the courtyard branch).</remarks>
    public static readonly Role[] Handlers = [Role.UnitContact, Role.CommunityWorker, Role.BranchSecretary, Role.SubdistrictAdmin];

    public static bool IsDispatcher(ClaimsPrincipal user, Demand d) => user.Covers(d.CommunityPath, Dispatchers);

    public static bool IsHandler(ClaimsPrincipal user, Demand d) => d.HandlerPath is not null && user.Covers(d.HandlerPath, Handlers);

    /// <summary>Works for one of the co-units (协办单位): sees the demand and adds progress notes.</summary>
    public static bool IsCoHandler(ClaimsPrincipal user, Demand d) =>
        d.CoHandlerPaths is { } paths && paths.Split('|').Any(p => user.Covers(p, Handlers));

    public static bool IsRequester(ClaimsPrincipal user, Demand d) => d.RequesterUserId is { } r && user.UserId() == r;

    /// <summary>Staff who see the demand's details: its community's dispatchers and its handling unit.</summary>
    public static bool IsStaff(ClaimsPrincipal user, Demand d) => IsDispatcher(user, d) || IsHandler(user, d) || IsCoHandler(user, d);

    public static bool CanSee(ClaimsPrincipal user, Demand d) => IsStaff(user, d) || IsRequester(user, d);

    /// <summary>True when the caller works anywhere in demand handling (sees the staff pages).</summary>
    public static bool IsAnyStaff(ClaimsPrincipal user) => user.HasAnyRole([.. Dispatchers, .. Handlers]);
}
