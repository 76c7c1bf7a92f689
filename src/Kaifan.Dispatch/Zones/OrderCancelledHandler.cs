using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// A cancelled order leaves dispatch: its job is marked Cancelled (so a restarted zone does not read it back as
/// pending) and the zone grain drops it, withdrawing an open offer of it and freeing a rider who carried it.
/// Repeats change nothing; an order dispatch never saw needs nothing (OrderAcceptedHandler skips cancelled orders).
/// The version bump makes a racing acceptance lose.
/// </summary>
public static class OrderCancelledHandler
{
    public static Task Handle(OrderCancelled cancelled, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct) =>
        ZoneRelease.ReleaseAsync(scopes, grains, cancelled.OrderId, _ => true, jobs => jobs
            .Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Assigned)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.Version, j => j.Version + 1), ct), ct);
}
