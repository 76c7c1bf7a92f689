using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// A cancelled order leaves dispatch: its job is marked Cancelled (so a restarted zone does not read it back as
/// pending) and the zone grain drops it, withdrawing an open offer of it and freeing a rider who carried it.
/// Repeats change nothing; an order dispatch never saw needs nothing (OrderAcceptedHandler skips cancelled orders).
/// </summary>
public static class OrderCancelledHandler
{
    public static async Task Handle(OrderCancelled cancelled, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        // Its own scope, no handler transaction: SQLite's transactions take the write lock when they begin, and the
        // zone grain writes on its own connection while this handler waits for it.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var zoneId = await db.Jobs.Where(j => j.OrderId == cancelled.OrderId).Select(j => (Guid?)j.ZoneId).SingleOrDefaultAsync(ct);
        if (zoneId is null)
        {
            return;
        }

        // The version bump makes a racing acceptance lose.
        await grains.GetGrain<IZoneGrain>(zoneId.Value).Finish(cancelled.OrderId);
        await db.Jobs
            .Where(j => j.OrderId == cancelled.OrderId && (j.Status == JobStatus.Pending || j.Status == JobStatus.Assigned))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.Version, j => j.Version + 1), ct);
    }
}
