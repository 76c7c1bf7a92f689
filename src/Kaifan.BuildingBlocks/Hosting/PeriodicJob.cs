using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.BuildingBlocks.Hosting;

/// <summary>
/// A hosted job that ticks when the host starts and then <paramref name="period"/> after each tick ends, waiting on the
/// injected clock so a test's fake clock moves it. A failing tick is logged as <paramref name="failed"/> and the next
/// one comes anyway: every job keeps what is left to do in the database, so a later tick (or another host) does it.
/// </summary>
public abstract class PeriodicJob(TimeSpan period, TimeProvider clock, ILogger log, string failed) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    public abstract Task TickAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LogError(e, "{Job} tick failed: {Failure}", GetType().Name, failed);
            }

            try
            {
                await Task.Delay(period, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
