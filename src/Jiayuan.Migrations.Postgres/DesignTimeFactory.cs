using Jiayuan.Alerts;
using Jiayuan.Consultation;
using Jiayuan.Core.Data;
using Jiayuan.Demands;
using Jiayuan.Notices;
using Jiayuan.Party;
using Jiayuan.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the full model (every module registered) for PostgreSQL.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JiayuanDbContext>
{
    public JiayuanDbContext CreateDbContext(string[] args)
    {
        new ServiceCollection().AddPlaces().AddNotices().AddParty().AddDemands().AddAlerts().AddConsultation();
        var options = new DbContextOptionsBuilder<JiayuanDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design;Username=postgres");
        return new JiayuanDbContext(options.Options);
    }
}
