using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// Pings reach dispatch_rider_positions in one insert every few seconds, not one row per request. A batch may hold
/// points of a rider who went offline and erased their account (注销) since: those are deleted again right after the
/// insert, since RiderErasure sets ErasedAt before it deletes the trail (ADR 0026).
/// </summary>
internal sealed class PositionFlusher(PositionBuffer buffer, IServiceScopeFactory scopes, DispatchOptions options, ILogger<PositionFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PositionFlush);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        var batch = buffer.Drain();
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            db.RiderPositions.AddRange(batch);
            await db.SaveChangesAsync(ct);
            var riders = batch.Select(p => p.RiderId).Distinct().ToList();
            var erased = await db.Riders.Where(r => riders.Contains(r.RiderId) && r.ErasedAt != null).Select(r => r.RiderId).ToListAsync(ct);
            if (erased.Count > 0)
            {
                await db.RiderPositions.Where(p => erased.Contains(p.RiderId)).ExecuteDeleteAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The history is best effort: live positions are in the grains, so a lost batch costs a few trail points.
            logger.LogWarning(e, "Could not store {Count} rider positions", batch.Count);
        }
    }
}
