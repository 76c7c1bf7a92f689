using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;

namespace Kaifan.Dispatch.Zones;

/// <summary>An accepted order joins its zone's pending set; the zone grain writes dispatch_jobs and ignores repeats.</summary>
public static class OrderAcceptedHandler
{
    public static async Task Handle(OrderAccepted accepted, IOrderDispatchQueries orders, IGrainFactory grains, CancellationToken ct)
    {
        var order = await orders.GetForDispatchAsync(accepted.OrderId, ct);
        if (order is null || order.RiderId is not null || order.Status is "Cancelled" or "Delivered")
        {
            return;
        }

        await grains.GetGrain<IZoneGrain>(order.ZoneId).Enqueue(new JobTicket(
            order.OrderId,
            order.MerchantId,
            order.MerchantLocation.Latitude,
            order.MerchantLocation.Longitude,
            order.DropOffLocation.Latitude,
            order.DropOffLocation.Longitude,
            order.ReadyEstimate ?? accepted.AcceptedAt.AddMinutes(accepted.PrepMinutes),
            order.StairsNoLift));
    }
}
