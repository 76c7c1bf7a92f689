using Kaifan.BuildingBlocks.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// Every hour: deletes the trail points older than <see cref="DispatchOptions.PositionRetention"/>, except each rider's
/// newest point, which dispatch and the rider grain start from (PIPL art. 19, ADR 0026). It walks the oldest ids in
/// ranges of <see cref="Batch"/>, one short delete each, so SQLite's single writer is never held for long; the range is
/// the primary key and "a newer point of this rider" the (RiderId, At) index.
/// </summary>
internal sealed class PositionRetention(IServiceScopeFactory scopes, DispatchOptions options, TimeProvider clock, ILogger<PositionRetention> log)
    : PeriodicJob(Period, clock, log, "Position retention failed; the old points are deleted at the next tick")
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private const int Batch = 1_000;

    public override async Task TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var before = Clock.GetUtcNow() - options.PositionRetention;
        var deleted = 0;
        var from = await db.RiderPositions.MinAsync(p => (long?)p.Id, ct);
        while (from is { } start)
        {
            var end = start + Batch;
            deleted += await db.RiderPositions
                .Where(p => p.Id >= start && p.Id < end && p.At < before && db.RiderPositions.Any(newer => newer.RiderId == p.RiderId && newer.At > p.At))
                .ExecuteDeleteAsync(ct);

            // Ids grow with every flush, so once a range ends inside the window, so does everything after it.
            var last = await db.RiderPositions.Where(p => p.Id < end).OrderByDescending(p => p.Id).Select(p => (DateTimeOffset?)p.At).FirstOrDefaultAsync(ct);
            if (last >= before)
            {
                break;
            }

            // Skips the gaps earlier ticks left, so riders' kept newest points far back cost one range each, not one per gap.
            from = await db.RiderPositions.Where(p => p.Id >= end).MinAsync(p => (long?)p.Id, ct);
        }

        if (deleted > 0)
        {
            Log.LogInformation("Deleted {Count} rider positions older than {Before}", deleted, before);
        }
    }
}
