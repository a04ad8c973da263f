using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Hosting;

/// <summary>Applies migrations and seeds the demo into an empty database before the server takes requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Database:MigrateOnStart", true))
        {
            return;
        }
        await Startup.MigrateAsync(services, cancellationToken);
        if (configuration.GetValue("Demo:SeedOnStart", true))
        {
            await Startup.SeedDemoIfEmptyAsync(services, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>First-start work: apply migrations, seed the 石羊 demo into an empty database, print the URL and demo logins.</summary>
internal static class Startup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<JiayuanDbContext>>().CreateDbContextAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL is a property of the database file: set once, it stays.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Seeds the demo when the database has no account yet. Returns true when it seeded.</summary>
    public static async Task<bool> SeedDemoIfEmptyAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<JiayuanDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Users.AnyAsync(ct))
            {
                return false;
            }
        }
        await SeedDemoAsync(services, ct);
        return true;
    }

    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiayuanDbContext>();
            await seeder.SeedAsync(db, ct);
        }
    }

    public static void PrintWelcome(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
            Console.WriteLine();
            Console.WriteLine($"  家园 Jiayuan is running at {url}   (API docs: {url}/api/docs)");
            Console.WriteLine($"  Database: {app.Services.GetRequiredService<DatabaseInfo>().Provider}");
            if (DemoUsers.ArePresent(app.Services))
            {
                Console.WriteLine("  Demo logins (password for all: " + DemoUsers.Password + "):");
                foreach (var u in DemoUsers.All)
                {
                    Console.WriteLine($"    {u.Login,-12} {u.Phone}  {u.Role,-17} @ {u.NodeName}");
                }
            }
            Console.WriteLine();
        });
    }
}
