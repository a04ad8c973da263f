using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Jiayuan.Testing;

/// <summary>
/// The whole application on a fresh database with the 石羊 demo seeded: SQLite in a temp folder, or a new PostgreSQL
/// database when <c>JIAYUAN_TEST_PG</c> holds a server connection string (as <c>scripts/test.sh</c> provides).
/// </summary>
public class JiayuanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "jiayuan2018";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiayuan-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _pgServer = Environment.GetEnvironmentVariable("JIAYUAN_TEST_PG");
    private readonly string _pgDatabase = "jy_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private bool _useKestrel;

    public TestClock Clock { get; } = new();

    /// <summary>Counts SQL commands per test (to prove a page runs a bounded number of queries).</summary>
    public CommandCounter Commands { get; } = new();

    public bool IsPostgres => !string.IsNullOrEmpty(_pgServer);

    /// <summary>Overrides a configuration value before the app starts (e.g. a low rate limit).</summary>
    public JiayuanApp With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Serve on a real loopback port (for the browser tests) instead of the in-memory server.</summary>
    public JiayuanApp OnKestrel()
    {
        _useKestrel = true;
        return this;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_useKestrel)
        {
            UseKestrel();
        }
        StartServer();
        if (!_useKestrel)
        {
            // Lets per-test counters (AsyncLocal) follow a request into the in-memory server.
            Server.PreserveExecutionContext = true;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build output's static assets (compressed CSS) are found only through the dev manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("DataDirectory", _dir);
        builder.UseSetting("PersonalData:Key", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicPostsPerMinute", "100000");
        builder.UseSetting("RateLimits:DemandsPerMinute", "100000");
        if (IsPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Jiayuan", new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Jiayuan", $"Data Source={Path.Combine(_dir, "jiayuan.db")}");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_useKestrel)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
        });
    }

    /// <summary>The loopback address Kestrel listens on (with <see cref="OnKestrel"/>).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client that keeps cookies but does not follow redirects, so tests see them.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client with a bearer token of <paramref name="login"/>.</summary>
    public async Task<HttpClient> LoginAsync(string login, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Creates an account with <paramref name="role"/> granted at the place with <paramref name="nodeCode"/>; returns its user name.</summary>
    public async Task<string> CreateUserAsync(Role role, string nodeCode, string? userName = null)
    {
        userName ??= "t" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<JiayuanDbContext>();
        var places = scope.ServiceProvider.GetRequiredService<Places.Contracts.IPlaceDirectory>();
        var node = await places.FindByCodeAsync(nodeCode) ?? throw new InvalidOperationException("No place " + nodeCode);
        var user = new AppUser { UserName = userName, DisplayName = userName, CreatedAt = Clock.GetUtcNow() };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        if (role != Role.Resident)
        {
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, NodePath = node.Path, GrantedAt = Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        return userName;
    }

    /// <summary>Runs <paramref name="work"/> with a fresh database context.</summary>
    public async Task<T> WithDbAsync<T>(Func<JiayuanDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<JiayuanDbContext>());
    }

    public async Task<long> PlaceIdAsync(string code) =>
        (await Services.GetRequiredService<Places.Contracts.IPlaceDirectory>().FindByCodeAsync(code))?.Id ?? throw new InvalidOperationException(code);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing request; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }

    private sealed record TokenResponse(string AccessToken, int ExpiresIn);
}

/// <summary>Well-known demo codes and logins.</summary>
public static class Known
{
    public const string Subdistrict = "510107063";
    public const string Sanyuan = "510107063001";
    public const string Fucheng = "510107063002";
    public const string Xinyuan = "510107063003";
    public const string Jincheng = "510107063004";
    public const string FuchengWorker = "fucheng";
    public const string XinyuanWorker = "xinyuan";
    public const string SubdistrictAdmin = "jiedao";
    public const string SystemAdmin = "admin";
    public const string Resident = "jumin";
}
