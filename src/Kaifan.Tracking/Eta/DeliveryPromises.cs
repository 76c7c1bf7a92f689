using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Wolverine;

namespace Kaifan.Tracking.Eta;

/// <summary>Makes the promise of an accepted order: its ETA at the moment of acceptance, with the prep time learned or stated.</summary>
public interface IDeliveryPromises
{
    /// <summary>Null when Ordering does not know the order.</summary>
    Task<DeliveryPromised?> PromiseAsync(OrderAccepted accepted, CancellationToken ct);
}

internal sealed class DeliveryPromises(IOrderTracking orders, EtaCalculator eta, IPrepTimeEstimates? prepTimes = null) : IDeliveryPromises
{
    public async Task<DeliveryPromised?> PromiseAsync(OrderAccepted accepted, CancellationToken ct)
    {
        var order = await orders.GetAsync(accepted.OrderId, ct);
        if (order is null)
        {
            return null;
        }

        var prep = prepTimes is null
            ? new PrepTimeEstimate(accepted.PrepMinutes, PrepTimeEstimate.Stated, 0)
            : await prepTimes.EstimateAsync(accepted.MerchantId, accepted.AcceptedAt, accepted.PrepMinutes, ct);
        var departure = await eta.BatchDepartureAsync(order with { AcceptedAt = accepted.AcceptedAt, PrepMinutes = accepted.PrepMinutes, PickedUpAt = null }, ct);
        return eta.Promise(order, accepted, prep, departure);
    }
}

/// <summary>
/// Publishes DeliveryPromised for each accepted order, so on-time is measured against what the customer was told.
/// A redelivered OrderAccepted promises again; Insights keeps the first promise.
/// </summary>
public static class DeliveryPromiseHandler
{
    public static async Task Handle(OrderAccepted accepted, IDeliveryPromises promises, IMessageContext bus, CancellationToken ct)
    {
        if (await promises.PromiseAsync(accepted, ct) is { } promise)
        {
            await bus.PublishAsync(promise);
        }
    }
}
