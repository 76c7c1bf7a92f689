using Kaifan.Contracts.Events;
using Kaifan.Ordering.Orders;
using Wolverine;

namespace Kaifan.Ordering.Payments;

/// <summary>Moves orders along when Payments reports money in or out; duplicates change nothing, money for a cancelled order goes back.</summary>
public static class PaymentEventsHandler
{
    public static async Task<OutgoingMessages> Handle(PaymentSucceeded paid, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.FindAsync([paid.OrderId], ct);
        if (order is null)
        {
            return messages;
        }

        if (order.MarkPaid(paid.PaidAt).Done)
        {
            // A 拼团 order waits for its group (待成团); the merchant hears of it when the group forms.
            // A 预售 order waits (预售中) for delivery day; Growth counts it in its chain.
            messages.Add(order switch
            {
                { GroupBuyId: { } groupId } => (object)new GroupOrderPaid(groupId, order.Id, paid.PaidAt),
                { PresaleId: { } presaleId } => new PresaleOrderPaid(presaleId, order.Id, paid.PaidAt),
                _ => new OrderPaid(order.Id, order.MerchantId, paid.PaidAt),
            });
        }
        else if (order.Status == OrderStatus.Cancelled && order.PaidAt is null)
        {
            // The money overtook a cancellation (say, the payment deadline): say again that the order is
            // cancelled, now with a refund due, so Payments gives the money back. Refunds are one per payment.
            messages.Add(new OrderCancelled(order.Id, order.MerchantId, order.CancelReason ?? "", RefundDue: true, order.CancelledAt ?? paid.PaidAt));
        }

        return messages;
    }

    /// <summary>The customer sees 退款异常 instead of 退款中 until the money comes; a late copy after it came changes nothing.</summary>
    public static async Task Handle(PaymentRefundAbnormal abnormal, OrderingDb db, CancellationToken ct)
    {
        if (abnormal.RefundId is { } requestId && await db.RefundRequests.FindAsync([requestId], ct) is { } request)
        {
            request.MarkRefundAbnormal(abnormal.At);
            return;
        }

        var order = await db.Orders.FindAsync([abnormal.OrderId], ct);
        order?.MarkRefundAbnormal(abnormal.At);
    }

    public static async Task Handle(PaymentRefunded refunded, OrderingDb db, CancellationToken ct)
    {
        // A refund request's money: the request is refunded, the order itself stays delivered.
        if (refunded.RefundId is { } requestId && await db.RefundRequests.FindAsync([requestId], ct) is { } request)
        {
            request.MarkRefunded(refunded.RefundedAt);
            return;
        }

        var order = await db.Orders.FindAsync([refunded.OrderId], ct);
        if (order is not null && order.RefundedAt is null)
        {
            order.MarkRefunded(refunded.RefundedAt);
        }
    }
}
