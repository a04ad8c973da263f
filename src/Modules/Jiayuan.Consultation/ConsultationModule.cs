using Jiayuan.Consultation.Demo;
using Jiayuan.Consultation.Features.Bodies;
using Jiayuan.Consultation.Features.Builders;
using Jiayuan.Consultation.Features.Accountability;
using Jiayuan.Consultation.Features.Fund;
using Jiayuan.Consultation.Features.Notifications;
using Jiayuan.Consultation.Features.Home;
using Jiayuan.Consultation.Features.OwnersDecisions;
using Jiayuan.Consultation.Features.Polls;
using Jiayuan.Consultation.Features.Topics;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Consultation;

/// <summary>
/// Consultation (协商议事): owners' decisions under Civil Code §278 (roster, online and paper ballots, the tally), with
/// polls, councils and meetings, topics, the community fund, builders and accountability to follow.
/// </summary>
public static class ConsultationModule
{
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        ModelRegistry.Register(typeof(ConsultationModule).Assembly);
        services.AddScoped<OwnersDecisionService>();
        services.AddScoped<RosterImporter>();
        services.AddScoped<PollService>();
        services.AddScoped<BodyService>();
        services.AddScoped<TopicService>();
        services.AddScoped<FundService>();
        services.AddScoped<BuilderService>();
        services.AddScoped<ResultService>();
        services.AddScoped<NotificationService>();
        services.AddHostedService<DigestService>();
        services.AddSingleton<IDemoSeeder, ConsultationDemoSeeder>();
        services.AddSingleton(new HomeSection(typeof(ConsultationSection), 40));
        services.AddSingleton(new NavItem("/consultation", "Consultation", 40));
        services.AddSingleton(new NavItem("/staff/consultation", "Consultation workbench", 41, Staff: true));
        return services;
    }

    public static RouteGroupBuilder MapConsultation(this RouteGroupBuilder api) =>
        api.MapEvaluateOwnersDecision().MapOwnersDecisions().MapRosterImport().MapPolls().MapBodies().MapTopics().MapCommunityFund().MapBuilders().MapResults().MapNotifications();
}
