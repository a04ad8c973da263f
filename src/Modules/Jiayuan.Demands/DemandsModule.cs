using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Demo;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features;
using Jiayuan.Demands.Features.Catalogue;
using Jiayuan.Demands.Features.Escalation;
using Jiayuan.Demands.Features.Metrics;
using Jiayuan.Demands.Features.Open311;
using Jiayuan.Demands.Features.Read;
using Jiayuan.Demands.Features.Submit;
using Jiayuan.Demands.Features.Workflow;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Demands;

/// <summary>The two-way office (双向办 / 接诉即办): intake, dispatch, SLA on working days, follow-up, metrics, Open311.</summary>
public static class DemandsModule
{
    public static IServiceCollection AddDemands(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ModelRegistry.Register(typeof(DemandsModule).Assembly);
        var options = services.AddOptions<DemandOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("Demands"));
        }
        services.AddSingleton<WorkCalendar>();
        services.AddSingleton<DemandRouter>();
        services.AddSingleton<EscalationProcess>();
        services.AddHostedService<EscalationWorker>();
        services.AddSingleton<SubmissionCommitter>();
        services.AddSingleton<DemandChanges>();
        services.AddScoped<DemandIntake>();
        services.AddScoped<DemandWorkflow>();
        services.AddScoped<DemandQueries>();
        services.AddScoped<DemandMetrics>();
        services.AddScoped<CatalogueAdmin>();
        services.AddSingleton<IDemandFigures, DemandFigures>();
        services.AddSingleton<IDemoSeeder, DemandsDemoSeeder>();
        services.AddSingleton<IDemandBenchmarkData, DemandBenchmarkData>();
        services.AddSingleton(new NavItem("/demands", "Demands", 20));
        services.AddSingleton(new NavItem("/staff/demands", "Demand desk", 21, Staff: true));
        return services;
    }

    public static RouteGroupBuilder MapDemands(this RouteGroupBuilder api) =>
        api.MapSubmitDemand().MapDemandWorkflow().MapReadDemands().MapDemandMetrics().MapDemandCatalogue();

    /// <summary>Open311 GeoReport v2 lives outside /api/v1, at /open311/v2.</summary>
    public static IEndpointRouteBuilder MapDemandsOpen311(this IEndpointRouteBuilder app) => app.MapOpen311();
}
