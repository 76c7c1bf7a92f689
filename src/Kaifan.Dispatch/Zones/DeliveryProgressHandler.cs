using Kaifan.Contracts.Events;
using Kaifan.Dispatch.Riders;
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
        await using (var scope = scopes.CreateAsyncScope())
        {
            await MoveAsync(scope.ServiceProvider.GetRequiredService<DispatchDb>(), pickedUp.OrderId, JobStage.ToCustomer, [JobStage.ToMerchant, JobStage.AtMerchant], ct);
        }

        await ZoneRelease.ReleaseAsync(scopes, grains, pickedUp.OrderId, j => j.Status == JobStatus.Pending, jobs => jobs
            .Where(j => j.Status == JobStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, JobStatus.Assigned)
                    .SetProperty(j => j.RiderId, pickedUp.RiderId)
                    .SetProperty(j => j.Stage, JobStage.ToCustomer)
                    .SetProperty(j => j.Version, j => j.Version + 1),
                ct), ct);

        // The zone plans the rider's next free minute from the rest of their route, which no longer passes this shop.
        Guid? zoneId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            zoneId = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking()
                .Where(j => j.OrderId == pickedUp.OrderId).Select(j => (Guid?)j.ZoneId).SingleOrDefaultAsync(ct);
        }

        if (zoneId is { } zone)
        {
            await grains.GetGrain<IZoneGrain>(zone).PickedUp(pickedUp.OrderId);
        }

        // A wait at the shop ended in a pickup: it was the job, not a stall.
        await grains.GetGrain<IRiderGrain>(pickedUp.RiderId).StepDone(pickedUp.PickedUpAt);
    }

    /// <summary>
    /// Waiting where they said they reached the customer (a campus gate, say) is the job, not a stall. The pin is read in
    /// a scope of its own: a DispatchDb parameter would hold SQLite's one write lock across the grain call, and the rider
    /// grain may be queued behind a go-offline that is waiting for that lock.
    /// </summary>
    public static async Task Handle(RiderArrivedAtCustomer arrived, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pin = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking()
            .Where(j => j.OrderId == arrived.OrderId && j.RiderId == arrived.RiderId)
            .Select(j => new { j.DropOffLatitude, j.DropOffLongitude }).SingleOrDefaultAsync(ct);
        if (pin is not null)
        {
            await grains.GetGrain<IRiderGrain>(arrived.RiderId).ArrivedAtDoor(arrived.OrderId, pin.DropOffLatitude, pin.DropOffLongitude);
        }
    }

    public static async Task Handle(OrderDelivered delivered, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        await ZoneRelease.ReleaseAsync(scopes, grains, delivered.OrderId, _ => true, jobs => jobs
            .Where(j => j.Status == JobStatus.Assigned)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Delivered).SetProperty(j => j.Stage, JobStage.Done), ct), ct);

        // Likewise a wait at a door that ended in a hand-over, even if the next door is far.
        await grains.GetGrain<IRiderGrain>(delivered.RiderId).StepDone(delivered.DeliveredAt);
    }

    /// <summary>Only forward: a late duplicate of an earlier step never moves the task back.</summary>
    private static async Task MoveAsync(DispatchDb db, Guid orderId, JobStage stage, JobStage[] from, CancellationToken ct) =>
        await db.Jobs
            .Where(j => j.OrderId == orderId && j.Status == JobStatus.Assigned && from.Contains(j.Stage))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, stage), ct);
}
