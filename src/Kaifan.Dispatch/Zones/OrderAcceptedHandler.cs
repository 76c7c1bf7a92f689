using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// An accepted order joins its zone's pending set; the zone grain writes dispatch_jobs and ignores repeats. A batch
/// order is held for its run (offered shortly before it leaves): IBatchDepartures.AcceptedRunAsync, the same run Tracking
/// promises from this event and the order page names. Pickups, and so runs, are planned on the prep time Insights
/// learned for the shop at that hour, as the customer's ETA is, so riders are not sent early to a slow kitchen.
/// </summary>
public static class OrderAcceptedHandler
{
    public static async Task Handle(
        OrderAccepted accepted, IOrderDispatchQueries orders, IBatchDepartures departures, IGrainFactory grains, IPrepTimeEstimates prepTimes,
        CancellationToken ct)
    {
        var order = await orders.GetForDispatchAsync(accepted.OrderId, ct);
        if (order is null || order.RiderId is not null || order.Status is "Cancelled" or "Delivered")
        {
            return;
        }

        DateTimeOffset? holdUntil = null;
        if (order.ServiceTier == ServiceTiers.Batch)
        {
            // IBatchDepartures reads in a scope of its own: a DispatchDb parameter would open a transaction here, and the
            // zone grain writes the job on another connection (SQLite has one writer).
            holdUntil = (await departures.AcceptedRunAsync(
                order.OrderId, order.ZoneId, order.DropOffLocation, accepted.MerchantId, accepted.AcceptedAt, accepted.PrepMinutes, ct))?.LeavesAt;
        }

        var readyEstimate = order.Status == "Accepted"
            ? accepted.AcceptedAt.AddMinutes((await prepTimes.EstimateAsync(accepted.MerchantId, accepted.AcceptedAt, accepted.PrepMinutes, ct)).Minutes)
            : order.ReadyEstimate ?? accepted.AcceptedAt.AddMinutes(accepted.PrepMinutes);

        await grains.GetGrain<IZoneGrain>(order.ZoneId).Enqueue(new JobTicket(
            order.OrderId,
            order.MerchantId,
            order.MerchantLocation.Latitude,
            order.MerchantLocation.Longitude,
            order.DropOffLocation.Latitude,
            order.DropOffLocation.Longitude,
            readyEstimate,
            order.StairsNoLift,
            order.PlacedAt,
            order.SpecialCare,
            order.CustomerId == Guid.Empty ? null : order.CustomerId,
            holdUntil));
    }
}
