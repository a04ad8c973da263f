using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jiayuan.Alerts.Features.Escalation;

/// <summary>
/// Escalates unacknowledged alerts outward (courtyard → community → subdistrict) once their deadline passes. Safe to run on
/// every instance: each escalation is claimed by a conditional update, so it fires once.
/// </summary>
internal sealed class AlertEscalator(AlertEngine engine, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertEscalator> logger)
    : BackgroundService
{
    /// <summary>One sweep; the loop below calls it every <see cref="AlertOptions.SweepSeconds"/>, tests call it after moving the clock.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default) => engine.EscalateDueAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SweepSeconds;
        if (seconds <= 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), clock, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Alert escalation sweep failed; retrying next round");
            }
        }
    }
}
