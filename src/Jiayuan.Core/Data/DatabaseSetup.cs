using Jiayuan.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider and connection from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Jiayuan</c>).</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Jiayuan.Migrations.Sqlite";
    public const string PostgresMigrations = "Jiayuan.Migrations.Postgres";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The configured connection string, else the SQLite file jiayuan.db in <paramref name="dataDirectory"/>.</summary>
    public static string ConnectionString(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration.GetConnectionString("Jiayuan");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var dir = dataDirectory;
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "jiayuan.db")}";
    }

    /// <summary>Configures options for either provider; used by the app and by the design-time factories.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            var csb = new SqliteConnectionStringBuilder(connectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            // Keep the command timeout short enough that a stuck writer shows up as an error, not a hang.
            csb.DefaultTimeout = 30;
            options.UseSqlite(csb.ToString(), o => o.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
    }

    public static IServiceCollection AddJiayuanDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = Provider(configuration);
        var connectionString = ConnectionString(configuration, dataDirectory);
        services.AddSingleton<AuditInterceptor>();
        services.AddPooledDbContextFactory<JiayuanDbContext>((sp, options) =>
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            // Extra interceptors registered by the host or by tests (e.g. a query counter).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        // Identity and request-scoped handlers get a context from the pool; never also AddDbContext (it crashes at start).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<JiayuanDbContext>>().CreateDbContext());
        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        return services;
    }
}

/// <summary>What database the process runs on.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
