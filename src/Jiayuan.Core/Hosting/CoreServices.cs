using Jiayuan.Core.Audit;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Messaging;
using Jiayuan.Core.Privacy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Jiayuan.Core.Hosting;

/// <summary>Registers the shared kernel: database, identity and scopes, audit, personal-data protection, localization, messaging.</summary>
public static class CoreServices
{
    public const string SmartScheme = "jiayuan";

    public static IServiceCollection AddJiayuanCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        // One instance unless the web host registers the Redis bus (Redis:Connection).
        services.TryAddSingleton<Caching.ICacheBus, Caching.LocalCacheBus>();
        services.AddHttpContextAccessor();
        services.AddJiayuanDatabase(configuration, DataDirectory(configuration, environment));

        var keysDir = new DirectoryInfo(Path.Combine(DataDirectory(configuration, environment), "keys"));
        services.AddDataProtection().SetApplicationName("Jiayuan").PersistKeysToFileSystem(keysDir);
        services.AddSingleton<IPersonalDataCipher>(_ => new AesGcmPersonalDataCipher(PersonalDataKey(configuration, keysDir)));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddProblemDetails();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(
                configuration.GetValue("Auth:TokenHours", 8)))
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "jiayuan.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Auth:SessionMinutes", 120));
                o.SlidingExpiration = true;
                // Set handlers on Identity's events object: replacing it would drop the security-stamp validation.
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorization();

        // Page sessions re-check the security stamp every few minutes, so revoked roles stop working without a new sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(configuration.GetValue("Auth:StampCheckMinutes", 5)));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<JiayuanDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<GrantClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<ISmsSender, OutboxSmsSender>();
        services.AddScoped<AccountService>();
        services.AddSingleton<HomeSections>();
        services.AddSingleton<Http.IdempotencyJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<Http.IdempotencyJanitor>());
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["DataDirectory"] is { Length: > 0 } dir ? dir : Path.Combine(environment.ContentRootPath, "data");

    /// <summary>The personal-data key from configuration (<c>PersonalData:Key</c>, base64, ≥32 bytes), else a key file made on first start.</summary>
    private static byte[] PersonalDataKey(IConfiguration configuration, DirectoryInfo keysDir)
    {
        if (configuration["PersonalData:Key"] is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }
        keysDir.Create();
        var file = Path.Combine(keysDir.FullName, "personal-data.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
