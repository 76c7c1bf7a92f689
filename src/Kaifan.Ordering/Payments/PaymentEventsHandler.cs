using Kaifan.Contracts.Events;
using Kaifan.Ordering.Orders;
using Wolverine;

namespace Kaifan.Ordering.Payments;

/// <summary>Moves orders along when Payments reports money in or out; duplicates and late arrivals change nothing.</summary>
public static class PaymentEventsHandler
{
    public static async Task<OutgoingMessages> Handle(PaymentSucceeded paid, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.FindAsync([paid.OrderId], ct);
        if (order is not null && order.MarkPaid(paid.PaidAt).Done)
        {
            messages.Add(new OrderPaid(order.Id, order.MerchantId, paid.PaidAt));
        }

        return messages;
    }

    public static async Task Handle(PaymentRefunded refunded, OrderingDb db, CancellationToken ct)
    {
        var order = await db.Orders.FindAsync([refunded.OrderId], ct);
        if (order is not null && order.RefundedAt is null)
        {
            order.MarkRefunded(refunded.RefundedAt);
        }
    }
}
