using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.Identity.Audit;

/// <summary>Anchors the audit chain at start and then every AnchorEveryMinutes.</summary>
internal sealed class AuditAnchoring(AuditAnchors anchors, AuditAnchorSettings settings, TimeProvider clock, ILogger<AuditAnchoring> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await anchors.AnchorAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Audit anchoring failed; the next attempt anchors whatever the chain holds then");
            }

            try
            {
                await Task.Delay(settings.Every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
