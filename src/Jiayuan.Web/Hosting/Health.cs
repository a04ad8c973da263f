using Jiayuan.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Hosting;

/// <summary>/healthz: the database answers. /readyz: and its schema is up to date.</summary>
internal static class Health
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<JiayuanDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unreachable", statusCode: 503);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", async (IDbContextFactory<JiayuanDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct))
            {
                return Results.Text("database unreachable", statusCode: 503);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0 ? Results.Text("ready") : Results.Text("pending migrations: " + string.Join(", ", pending), statusCode: 503);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
