using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// An operator resolved a 配送异常 before pickup with 重新配送: the zone takes the order from the rider who reported it
/// and offers it to anyone else, as a reassignment to 待分配 does (Ordering forgets the rider on RiderUnassigned).
/// Only while that rider still holds the job, so a repeat never takes it from the next rider.
/// </summary>
public static class DeliveryExceptionRedeliveryHandler
{
    public static async Task Handle(DeliveryExceptionResolved resolved, IServiceScopeFactory scopes, IGrainFactory grains, CancellationToken ct)
    {
        if (!resolved.BackToDispatch)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == resolved.OrderId, ct);
        if (job is { Status: JobStatus.Assigned } && job.RiderId == resolved.RiderId)
        {
            await grains.GetGrain<IZoneOps>(job.ZoneId).Reassign(resolved.OrderId, null);
        }
    }
}
