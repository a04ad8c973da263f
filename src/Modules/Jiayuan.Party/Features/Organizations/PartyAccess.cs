using Jiayuan.Core.Identity;

namespace Jiayuan.Party.Features.Organizations;

/// <summary>Who may see member details and manage organizations: Party staff whose grant covers the organization's place.</summary>
internal static class PartyAccess
{
    public static readonly Role[] Readers = [Role.BranchSecretary, Role.CommunityWorker, Role.SubdistrictAdmin];
    public static readonly Role[] Managers = [Role.BranchSecretary, Role.SubdistrictAdmin];
}
