using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Segments;

/// <summary>
/// Keeps customer profiles from the order events. OrderPlaced carries the customer and the amount to pay (after
/// coupons), OrderDelivered says the purchase was completed, PaymentRefunded takes money back off it. A profile is
/// recomputed from the customer's delivered orders rather than incremented, so a repeated event, or two events of one
/// order handled at once, count the order once.
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

    public static async Task Handle(PaymentRefunded e, InsightsDb db, CancellationToken ct)
    {
        // The order's row first: its other events take turns with this one, so whichever comes last sees the refund.
        await RowLock.UpsertAsync(db, typeof(CustomerOrder), "OrderId", e.OrderId, ct);
        var refundId = e.RefundId ?? e.PaymentId;
        if (!await db.CustomerOrderRefunds.AnyAsync(r => r.RefundId == refundId, ct))
        {
            db.CustomerOrderRefunds.Add(new CustomerOrderRefund { RefundId = refundId, OrderId = e.OrderId, AmountFen = e.AmountFen });
        }

        var order = await db.CustomerOrders.SingleAsync(o => o.OrderId == e.OrderId, ct);
        if (order.Counts)
        {
            await RecomputeAsync(db, order.CustomerId!.Value, ct);
        }
    }

    private static async Task RecordAsync(InsightsDb db, Guid orderId, Action<CustomerOrder> set, CancellationToken ct)
    {
        await RowLock.UpsertAsync(db, typeof(CustomerOrder), "OrderId", orderId, ct);
        var order = await db.CustomerOrders.SingleAsync(o => o.OrderId == orderId, ct);
        set(order);
        if (!order.Counts)
        {
            return;
        }

        await RecomputeAsync(db, order.CustomerId!.Value, ct);
    }

    private static async Task RecomputeAsync(InsightsDb db, Guid customerId, CancellationToken ct)
    {
        // Holding the profile's row makes two orders of one customer take turns, each recomputing with the other's.
        await RowLock.UpsertAsync(db, typeof(CustomerProfile), "CustomerId", customerId, ct);
        await db.SaveChangesAsync(ct);
        var kept = await KeptOrders.Of(db, customerId).ToListAsync(ct);
        var profile = await db.CustomerProfiles.SingleAsync(p => p.CustomerId == customerId, ct);
        profile.FirstOrderAt = kept.Count == 0 ? null : kept.Min(o => o.PlacedAt);
        profile.LastOrderAt = kept.Count == 0 ? null : kept.Max(o => o.PlacedAt);
        profile.DeliveredOrders = kept.Count;
        profile.SpentFen = kept.Sum(o => o.KeptFen);
    }
}
