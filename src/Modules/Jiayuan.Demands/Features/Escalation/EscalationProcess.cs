using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jiayuan.Demands.Features.Escalation;

/// <summary>
/// The durable escalation process: urges (催办) a unit when most of its time limit has passed or it has not accepted in
/// time, supervises (督办, on the subdistrict's overdue list) when the deadline passes, and closes replied demands nobody
/// rated. Everything it needs is in the database, so a restart loses nothing; each step is claimed with a conditional
/// update (<c>WHERE Escalation = old</c>), so several instances never fire the same step twice.
/// </summary>
internal sealed class EscalationProcess(IDbContextFactory<JiayuanDbContext> factory, DemandChanges changes, TimeProvider clock, IOptions<DemandOptions> options, IStringLocalizer<SharedResource> l)
{
    private const int Batch = 200;
    private static readonly DemandStatus[] Handling = [DemandStatus.Dispatched, DemandStatus.Accepted, DemandStatus.InProgress, DemandStatus.Reopened];

    /// <summary>One pass; returns how many steps this instance fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var overdue = await db.Set<Demand>().AsNoTracking().Where(d => d.Escalation < 2 && d.Deadline < now && Handling.Contains(d.Status))
            .Select(d => new { d.Id, d.Escalation }).Take(Batch).ToListAsync(ct);
        foreach (var d in overdue)
        {
            fired += await StepAsync(d.Id, d.Escalation, 2, DemandEventKind.Supervised, l["The deadline has passed: supervised by the subdistrict (督办)."], ct);
        }
        var urge = await db.Set<Demand>().AsNoTracking()
            .Where(d => d.Escalation == 0 && Handling.Contains(d.Status) && (d.UrgeAt <= now || (d.Status == DemandStatus.Dispatched && d.AcceptBy < now)))
            .Select(d => new { d.Id, d.Status, d.AcceptBy }).Take(Batch).ToListAsync(ct);
        foreach (var d in urge)
        {
            var text = d.Status == DemandStatus.Dispatched && d.AcceptBy < now
                ? l["Not accepted in time: please accept or return it (催办)."]
                : l["Most of the time limit has passed: please reply before the deadline (催办)."];
            fired += await StepAsync(d.Id, 0, 1, DemandEventKind.Urged, text, ct);
        }
        var closeBefore = now.AddDays(-options.Value.AutoCloseDays);
        var unrated = await db.Set<Demand>().AsNoTracking().Where(d => d.Status == DemandStatus.Replied && d.RepliedAt < closeBefore)
            .Select(d => d.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in unrated)
        {
            fired += await AutoCloseAsync(id, now, ct);
        }
        if (fired > 0)
        {
            await changes.ChangedAsync(ct);
        }
        return fired;
    }

    private async Task<int> StepAsync(long id, int from, int to, DemandEventKind kind, string note, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Set<Demand>().Where(d => d.Id == id && d.Escalation == from)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Escalation, to).SetProperty(d => d.Version, d => d.Version + 1).SetProperty(d => d.UpdatedAt, now), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var demand = await db.Set<Demand>().FirstAsync(d => d.Id == id, ct);
        db.Add(new DemandEvent { DemandId = id, At = now, Kind = kind, Actor = l["System"], Note = note, Public = false, HandlerName = demand.HandlerName });
        DemandNotifier.Notify(db, demand, now, null, $"{note} {Submit.DemandIntake.Short(demand.Description)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return 1;
    }

    private async Task<int> AutoCloseAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<Demand>().Where(d => d.Id == id && d.Status == DemandStatus.Replied)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DemandStatus.Closed).SetProperty(d => d.ClosedAt, now)
                .SetProperty(d => d.ClosedOnTime, d => d.Deadline == null || d.RepliedAt <= d.Deadline)
                .SetProperty(d => d.Version, d => d.Version + 1).SetProperty(d => d.UpdatedAt, now), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var demand = await db.Set<Demand>().FirstAsync(d => d.Id == id, ct);
        db.Add(new DemandEvent { DemandId = id, At = now, Kind = DemandEventKind.AutoClosed, Actor = l["System"], Note = l["Nobody rated the reply within {0} days; closed as unrated.", options.Value.AutoCloseDays], Public = true, HandlerName = demand.HandlerName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return 1;
    }
}

/// <summary>Runs <see cref="EscalationProcess"/> every <see cref="DemandOptions.ScanSeconds"/> seconds.</summary>
internal sealed class EscalationWorker(IServiceProvider services, IOptions<DemandOptions> options, ILogger<EscalationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanSeconds)), stoppingToken);
                var fired = await services.GetRequiredService<EscalationProcess>().RunOnceAsync(stoppingToken);
                if (fired > 0)
                {
                    log.LogInformation("Escalation fired {Count} steps", fired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Escalation pass failed; it will run again");
            }
        }
    }
}
