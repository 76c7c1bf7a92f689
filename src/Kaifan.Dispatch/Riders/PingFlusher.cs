using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// Every Kaifan:Dispatch:PingFlushMilliseconds, one grain call per rider with that rider's latest position,
/// however many pings came in between. The answer keeps the host's online cache honest.
/// </summary>
internal sealed class PingFlusher(PositionBuffer buffer, IGrainFactory grains, DispatchOptions options, ILogger<PingFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PingFlush);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync();
    }

    public async Task FlushAsync()
    {
        var batch = buffer.DrainLatest();
        try
        {
            await Task.WhenAll(batch.Select(DeliverAsync));
        }
        finally
        {
            buffer.Delivered();
        }
    }

    private async Task DeliverAsync(RiderPosition position)
    {
        try
        {
            if (await grains.GetGrain<IRiderGrain>(position.RiderId).Locate(position.Latitude, position.Longitude, position.At))
            {
                buffer.MarkOnline(position.RiderId);
            }
            else
            {
                buffer.MarkOffline(position.RiderId);
            }
        }
        catch (Exception e)
        {
            // One position lost is harmless (the next ping carries a newer one); asking the grain again settles "online".
            buffer.MarkOffline(position.RiderId);
            logger.LogWarning(e, "Could not deliver the position of rider {RiderId}", position.RiderId);
        }
    }
}
