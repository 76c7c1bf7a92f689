using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Payments;

/// <summary>A paid order was rejected or cancelled: the customer's money goes back, once.</summary>
public static class RefundCancelledOrderHandler
{
    public static async Task Handle(OrderCancelled cancelled, PaymentsDb db, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        if (!cancelled.RefundDue)
        {
            return;
        }

        // Only a Succeeded intent can start a refund; Refunding/Refunded means this event came before.
        var intent = await db.Intents.FirstOrDefaultAsync(p => p.OrderId == cancelled.OrderId && p.Status == PaymentStatus.Succeeded, ct);
        if (intent is null)
        {
            return;
        }

        var (refund, submit) = Refunds.Start(intent, $"订单取消 (order cancelled): {cancelled.Reason}", clock.GetUtcNow());
        db.Refunds.Add(refund);
        await bus.PublishAsync(submit);
    }
}
