using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>Keeps the rider's task list in step with the order, and frees the rider's capacity once delivered. Repeats change nothing.</summary>
public static class DeliveryProgressHandler
{
    public static Task Handle(RiderArrivedAtMerchant arrived, DispatchDb db, CancellationToken ct) =>
        MoveAsync(db, arrived.OrderId, JobStage.AtMerchant, [JobStage.ToMerchant], ct);

    /// <summary>
    /// Ordering records a pickup first, so a pickup is a fact here: a job an operator's reassign put back to pending a
    /// moment earlier goes to the rider who holds the food, and the zone stops offering it.
    /// </summary>
    public static async Task Handle(OrderPickedUp pickedUp, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        // Its own scope, no handler transaction (see the OrderDelivered handler).
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        await MoveAsync(db, pickedUp.OrderId, JobStage.ToCustomer, [JobStage.ToMerchant, JobStage.AtMerchant], ct);

        var zoneId = await db.Jobs.Where(j => j.OrderId == pickedUp.OrderId && j.Status == JobStatus.Pending).Select(j => (Guid?)j.ZoneId).SingleOrDefaultAsync(ct);
        if (zoneId is null)
        {
            return;
        }

        await grains.GetGrain<IZoneGrain>(zoneId.Value).Finish(pickedUp.OrderId);
        await db.Jobs
            .Where(j => j.OrderId == pickedUp.OrderId && j.Status == JobStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, JobStatus.Assigned)
                    .SetProperty(j => j.RiderId, pickedUp.RiderId)
                    .SetProperty(j => j.Stage, JobStage.ToCustomer)
                    .SetProperty(j => j.Version, j => j.Version + 1),
                ct);
    }

    public static async Task Handle(OrderDelivered delivered, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        // Its own scope, no handler transaction: SQLite's transactions take the write lock when they begin, and the
        // zone grain writes on its own connection while this handler waits for it.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var zoneId = await db.Jobs.Where(j => j.OrderId == delivered.OrderId).Select(j => (Guid?)j.ZoneId).SingleOrDefaultAsync(ct);
        if (zoneId is null)
        {
            return;
        }

        await grains.GetGrain<IZoneGrain>(zoneId.Value).Finish(delivered.OrderId);
        await db.Jobs
            .Where(j => j.OrderId == delivered.OrderId && j.Status == JobStatus.Assigned)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Delivered).SetProperty(j => j.Stage, JobStage.Done), ct);
    }

    /// <summary>Only forward: a late duplicate of an earlier step never moves the task back.</summary>
    private static async Task MoveAsync(DispatchDb db, Guid orderId, JobStage stage, JobStage[] from, CancellationToken ct) =>
        await db.Jobs
            .Where(j => j.OrderId == orderId && j.Status == JobStatus.Assigned && from.Contains(j.Stage))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, stage), ct);
}
