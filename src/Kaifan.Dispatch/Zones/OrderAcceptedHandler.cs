using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Batches;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// An accepted order joins its zone's pending set; the zone grain writes dispatch_jobs and ignores repeats. A batch
/// order is held until its line's next departure after the acceptance. Pickups are planned on the prep time Insights
/// learned for the shop at that hour, as the customer's ETA is, so riders are not sent early to a slow kitchen.
/// </summary>
public static class OrderAcceptedHandler
{
    public static async Task Handle(
        OrderAccepted accepted, IOrderDispatchQueries orders, IServiceScopeFactory scopes, IGrainFactory grains, IPrepTimeEstimates prepTimes,
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
            // Its own scope: a DispatchDb parameter would open a transaction here, and the zone grain writes the job on
            // another connection (SQLite has one writer).
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            holdUntil = (await BatchLines.FindLineAsync(db, order.ZoneId, order.DropOffLocation, ct))?.NextDeparture(accepted.AcceptedAt);
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
