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

namespace Jiayuan.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the full model (every module registered) for SQLite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JiayuanDbContext>
{
    public JiayuanDbContext CreateDbContext(string[] args)
    {
        new ServiceCollection().AddPlaces().AddNotices().AddParty().AddDemands().AddAlerts().AddConsultation();
        var options = new DbContextOptionsBuilder<JiayuanDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design.db");
        return new JiayuanDbContext(options.Options);
    }
}
