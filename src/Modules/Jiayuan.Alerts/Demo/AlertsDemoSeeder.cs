using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Alerts.Demo;

/// <summary>The demo responder: 联小防 (lianfang) of 新园's joint-defense team covers 新园社区, on duty.</summary>
internal sealed class AlertsDemoSeeder(IPlaceDirectory places, TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == "lianfang", cancellationToken);
        var xinyuan = await places.FindByCodeAsync("510107063003", cancellationToken);
        if (user is null || xinyuan is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.Add(new Responder
        {
            UserId = user.Id,
            Name = user.DisplayName ?? "联*",
            Unit = "新园社区联防队",
            Duty = DutyStatus.OnDuty,
            CreatedAt = now,
            UpdatedAt = now,
            Areas = [new ResponderArea { PlaceId = xinyuan.Id, PlacePath = xinyuan.Path, PlaceName = xinyuan.Name }],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
