using Jiayuan.Demands;
using Jiayuan.Alerts;
using Jiayuan.Consultation;
using Jiayuan.Core.Hosting;
using Jiayuan.Core.Http;
using Jiayuan.Notices;
using Jiayuan.Party;
using Jiayuan.Places;
using Jiayuan.Web.Components;
using Jiayuan.Web.Features.Account;
using Jiayuan.Web.Features.Admin;
using Jiayuan.Web.Features.Portal;
using Jiayuan.Web.Hosting;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (builder.Environment.IsProduction())
{
    builder.Logging.ClearProviders().AddJsonConsole();
}

// Kernel and modules.
builder.Services.AddJiayuanCore(builder.Configuration, builder.Environment);
builder.Services.AddPlaces();
builder.Services.AddNotices();
builder.Services.AddParty();
builder.Services.AddDemands(builder.Configuration);
builder.Services.AddAlerts();
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddConsultation();

// Host: pages, API documentation, limits, caching, telemetry, demo data.
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddJiayuanWeb(builder.Configuration);
builder.Services.AddDemoData();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddScoped<GrantService>();

var app = builder.Build();

if (Cli.IsVerb(args))
{
    return await Cli.RunAsync(app, args);
}

// Localization first, so that error pages and problem details speak the caller's language too.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
// The map's tile server (configurable: Maps:TileUrl) may serve images to our pages.
app.UseSecurityHeaders(MapTiles.Origin(app.Configuration));
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();
app.UseIdempotency();

app.UseClientLibraries();
app.MapStaticAssets();
app.MapHealth();
app.MapOpenApi();
app.MapScalarApiReference("/api/docs", o => o.WithTitle("Jiayuan 家园 API"));
app.MapPrometheusScrapingEndpoint("/metrics");

var api = app.MapGroup("/api/v1");
api.MapAccountApi();
api.MapAdminApi();
api.MapPlaces();
api.MapNotices();
api.MapParty();
api.MapDemands();
app.MapDemandsOpen311();
api.MapAlerts();
app.MapAlertsHub();
api.MapConsultation();

app.MapCultureSwitch();
app.MapAccountForms();
app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(ModuleAssemblies.All);

Startup.PrintWelcome(app);
await app.RunAsync();
return 0;

/// <summary>Entry point type, public for the test host.</summary>
public partial class Program;
