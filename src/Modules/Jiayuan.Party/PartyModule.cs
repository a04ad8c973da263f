using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Demo;
using Jiayuan.Party.Features.Coverage;
using Jiayuan.Party.Features.DualRegistration;
using Jiayuan.Party.Features.Dues;
using Jiayuan.Party.Features.Import;
using Jiayuan.Party.Features.Manage;
using Jiayuan.Party.Features.Points;
using Jiayuan.Party.Features.Transfers;
using Jiayuan.Party.Features.Warnings;
using Jiayuan.Party.Features.Meetings;
using Jiayuan.Party.Features.Pledges;
using Jiayuan.Party.Features.Roster;
using Jiayuan.Party.Features.Members;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Party.Features.Stats;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Party;

/// <summary>The core (一核): the Party organization tree, members and their lifecycle, dues, and the statistics of any node.</summary>
public static class PartyModule
{
    public static IServiceCollection AddParty(this IServiceCollection services)
    {
        ModelRegistry.Register(typeof(PartyModule).Assembly);
        services.AddSingleton<IPartyStatistics, PartyStatistics>();
        services.AddSingleton<StatsBreakdownQuery>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Data.StatisticsInvalidation>();
        services.AddScoped<OrgQueries>();
        services.AddScoped<MemberLifecycleHandler>();
        services.AddScoped<MemberUnmasking>();
        services.AddScoped<MeetingService>();
        services.AddScoped<PledgeService>();
        services.AddScoped<TransferService>();
        services.AddScoped<RosterImporter>();
        services.AddScoped<DuesService>();
        services.AddScoped<DuesLedgerService>();
        services.AddScoped<Features.Roster.ChainRosterService>();
        services.AddScoped<DualRegistrationService>();
        services.AddScoped<PointsService>();
        services.AddScoped<ManageService>();
        services.AddScoped<IRosterImport>(sp => sp.GetRequiredService<RosterImporter>());
        services.AddSingleton(new HomeSection(typeof(PledgesSection), 20));
        services.AddSingleton<IDemoSeeder, PartyDemoSeeder>();
        services.AddSingleton<IPartyBenchmarkData, PartyBenchmarkData>();
        services.AddSingleton(new NavItem("/party", "Party building", 30));
        return services;
    }

    public static RouteGroupBuilder MapParty(this RouteGroupBuilder api) =>
        api.MapPartyStats().MapStatsBreakdown().MapCalculateDues().MapBrowseOrganizations().MapMemberLifecycle().MapUnmaskMember().MapMeetings().MapPledges().MapTransfers().MapCoverage().MapRosterImport().MapDuesPayments().MapDualRegistration().MapPointsAndStudy().MapMemberWarnings().MapExportStatistics().MapManageParty().MapDuesLedger().MapChainRoster();
}
