using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Jiayuan.Web.Hosting;

/// <summary>One demo account per role, each granted at the node its role needs. Names are fictional.</summary>
internal sealed class DemoUsers(IServiceProvider services, IPlaceDirectory places, TimeProvider clock) : IDemoSeeder
{
    public const string Password = "jiayuan2018";

    public sealed record Account(string Login, string Phone, string RealName, Role Role, string NodeCode, string NodeName);

    public static readonly Account[] All =
    [
        new("admin", "13800000001", "管理员", Role.SystemAdmin, "510107063", "石羊街道"),
        new("jiedao", "13800000002", "石晓街", Role.SubdistrictAdmin, "510107063", "石羊街道"),
        new("fucheng", "13800000003", "府小城", Role.CommunityWorker, "510107063002", "府城社区"),
        new("xinyuan", "13800000004", "新小园", Role.CommunityWorker, "510107063003", "新园社区"),
        new("shuji", "13800000005", "党书记", Role.BranchSecretary, "510107063002", "府城社区"),
        new("dangyuan", "13800000006", "党小员", Role.PartyMember, "510107063002", "府城社区"),
        new("jumin", "13800000007", "居小民", Role.Resident, "510107063002", "府城社区"),
        new("qiye", "13800000008", "企小业", Role.UnitContact, "510107063-P01-T01-U01", "索贝数码"),
        new("lianfang", "13800000009", "联小防", Role.Responder, "510107063003", "新园社区"),
        new("yingzao", "13800000010", "营小造", Role.Builder, "510107063001", "三元社区"),
    ];

    public int Order => 20;

    /// <summary>True when the demo accounts exist (the banner lists them only then).</summary>
    public static bool ArePresent(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var logins = All.Select(a => a.Login).ToList();
        return scope.ServiceProvider.GetRequiredService<JiayuanDbContext>().Users.Count(u => logins.Contains(u.UserName!)) == logins.Count;
    }

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var a in All)
        {
            var node = await places.FindByCodeAsync(a.NodeCode, cancellationToken)
                ?? throw new InvalidOperationException($"Demo node {a.NodeCode} is missing; the places seeder must run first.");
            var user = new AppUser
            {
                UserName = a.Login,
                RealName = a.RealName,
                DisplayName = Masking.Name(a.RealName),
                PhoneVerified = true,
                CreatedAt = clock.GetUtcNow(),
                HomePlaceId = node.Kind == PlaceKind.Community ? node.Id : null,
            };
            accounts.SetPhone(user, a.Phone);
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo user " + a.Login + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = a.Role, NodePath = node.Path, GrantedAt = clock.GetUtcNow() });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddSingleton<IDemoSeeder, DemoUsers>();
}
