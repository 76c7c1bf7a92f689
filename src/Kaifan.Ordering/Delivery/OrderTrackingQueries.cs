using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>Tracking's and Dispatch's read of an order: positions and step times, no personal data.</summary>
internal sealed class OrderTrackingQueries(OrderingDb db) : IOrderTracking, IOrderDispatchQueries
{
    public async Task<OrderTrackingInfo?> GetForCustomerAsync(Guid orderId, Guid customerId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, ct);
        return order is null ? null : Tracking(order);
    }

    public async Task<OrderTrackingInfo?> GetAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : Tracking(order);
    }

    public async Task<OrderDispatchInfo?> GetForDispatchAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null
            ? null
            : new OrderDispatchInfo(
                order.Id,
                order.MerchantId,
                order.ZoneId,
                order.Status.ToString(),
                new GeoPoint(order.MerchantLatitude, order.MerchantLongitude),
                new GeoPoint(order.Latitude, order.Longitude),
                order.StairsNoLift,
                order.ReadyAt ?? order.AcceptedAt?.AddMinutes(order.PrepMinutes ?? 0),
                order.RiderId,
                order.SpecialCare,
                order.CustomerId,
                order.PlacedAt,
                ServiceTierNames.Of(order.ServiceTier),
                order.Number);
    }

    public async Task<IReadOnlyDictionary<Guid, OrderServiceInfo>> GetServiceAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        if (orderIds.Count == 0)
        {
            return new Dictionary<Guid, OrderServiceInfo>();
        }

        var rows = await db.Orders.AsNoTracking()
            .Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ServiceTier, o.SpecialCare, o.LockerId, o.PromisedAt })
            .ToListAsync(ct);
        return rows.ToDictionary(o => o.Id, o => new OrderServiceInfo(o.Id, ServiceTierNames.Of(o.ServiceTier), o.SpecialCare, o.LockerId is not null, o.PromisedAt));
    }

    private static OrderTrackingInfo Tracking(Order order) => new(
        order.Id,
        order.CustomerId,
        order.MerchantId,
        order.ZoneId,
        order.Status.ToString(),
        new GeoPoint(order.MerchantLatitude, order.MerchantLongitude),
        new GeoPoint(order.Latitude, order.Longitude),
        order.RiderId,
        order.PrepMinutes,
        order.PlacedAt,
        order.PaidAt,
        order.AcceptedAt,
        order.ReadyAt,
        order.RiderAssignedAt,
        order.ArrivedAtMerchantAt,
        order.PickedUpAt,
        order.DeliveredAt,
        order.CancelledAt,
        order.ArrivedAtCustomerAt,
        ServiceTierNames.Of(order.ServiceTier));
}
