using Kaifan.Contracts.Events;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Orders;
using Wolverine;

namespace Kaifan.Ordering.Payments;

/// <summary>Scheduled durably when an order is placed, for its payment deadline.</summary>
public sealed record PaymentDeadlineReached(Guid OrderId);

/// <summary>Cancels an order still unpaid at its deadline and gives its coupon back; Catalog releases its stock on OrderCancelled.</summary>
public static class PaymentDeadlineHandler
{
    public static async Task<OutgoingMessages> Handle(PaymentDeadlineReached message, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.FindAsync([message.OrderId], ct);
        if (order is null || order.Status != OrderStatus.AwaitingPayment)
        {
            return messages;
        }

        // The scheduler's clock and ours may disagree (tests move ours by hand); early means wait the rest.
        var now = clock.GetUtcNow();
        if (now < order.PaymentDeadline)
        {
            messages.Delay(message, order.PaymentDeadline - now);
            return messages;
        }

        if (order.ExpireUnpaid(now).Done)
        {
            await CouponSpending.GiveBackAsync(db, order.Id, ct);
            messages.Add(new OrderCancelled(order.Id, order.MerchantId, order.CancelReason!, RefundDue: false, now));
        }

        return messages;
    }
}
