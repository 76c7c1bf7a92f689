using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Segments;

/// <summary>
/// Keeps customer profiles from the order events. OrderPlaced carries the customer and the amount to pay (after
/// coupons), OrderDelivered says the purchase was completed. A profile is recomputed from the customer's delivered
/// orders rather than incremented, so a repeated event, or both events of one order handled at once, count the order once.
/// </summary>
public static class CustomerProfileHandler
{
    public static Task Handle(OrderPlaced e, InsightsDb db, CancellationToken ct) =>
        RecordAsync(db, e.OrderId, o =>
        {
            o.CustomerId ??= e.CustomerId;
            o.PaidFen ??= e.TotalFen;
            o.PlacedAt ??= e.PlacedAt;
        }, ct);

    public static Task Handle(OrderDelivered e, InsightsDb db, CancellationToken ct) =>
        RecordAsync(db, e.OrderId, o => o.DeliveredAt ??= e.DeliveredAt, ct);

    private static async Task RecordAsync(InsightsDb db, Guid orderId, Action<CustomerOrder> set, CancellationToken ct)
    {
        await RowLock.UpsertAsync(db, typeof(CustomerOrder), "OrderId", orderId, ct);
        var order = await db.CustomerOrders.SingleAsync(o => o.OrderId == orderId, ct);
        set(order);
        if (!order.Counts)
        {
            return;
        }

        var customerId = order.CustomerId!.Value;
        // Holding the profile's row makes two orders of one customer take turns, each recomputing with the other's.
        await RowLock.UpsertAsync(db, typeof(CustomerProfile), "CustomerId", customerId, ct);
        await db.SaveChangesAsync(ct);
        var delivered = await db.CustomerOrders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && o.DeliveredAt != null && o.PlacedAt != null && o.PaidFen != null)
            .Select(o => new { PlacedAt = o.PlacedAt!.Value, PaidFen = o.PaidFen!.Value })
            .ToListAsync(ct);
        var profile = await db.CustomerProfiles.SingleAsync(p => p.CustomerId == customerId, ct);
        profile.FirstOrderAt = delivered.Min(o => o.PlacedAt);
        profile.LastOrderAt = delivered.Max(o => o.PlacedAt);
        profile.DeliveredOrders = delivered.Count;
        profile.SpentFen = delivered.Sum(o => o.PaidFen);
    }
}
