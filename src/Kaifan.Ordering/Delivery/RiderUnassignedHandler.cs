using Kaifan.Contracts.Events;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Delivery;

/// <summary>
/// An operator reassigned the order before pickup: it waits for a rider again (商家已出餐 or 商家已接单). Only the rider
/// named in the event is forgotten, only before pickup, so a repeat or a late copy changes nothing.
/// </summary>
public static class RiderUnassignedHandler
{
    public static async Task Handle(RiderUnassigned unassigned, OrderingDb db, CancellationToken ct)
    {
        var stillTheirs = db.Orders.Where(o =>
            o.Id == unassigned.OrderId && o.RiderId == unassigned.RiderId && o.PickedUpAt == null &&
            (o.Status == OrderStatus.RiderAssigned || o.Status == OrderStatus.ArrivedAtMerchant));
        await stillTheirs.ExecuteUpdateAsync(
            s => s.SetProperty(o => o.RiderId, (Guid?)null)
                .SetProperty(o => o.RiderAssignedAt, (DateTimeOffset?)null)
                .SetProperty(o => o.ArrivedAtMerchantAt, (DateTimeOffset?)null)
                .SetProperty(o => o.Status, o => o.ReadyAt != null ? OrderStatus.Ready : OrderStatus.Accepted)
                .SetProperty(o => o.Version, o => o.Version + 1),
            ct);
    }
}
