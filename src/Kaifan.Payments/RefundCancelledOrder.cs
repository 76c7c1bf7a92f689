using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Payments;

/// <summary>Payments' own follow-up to a cancelled paid order, so its work runs in a chain that holds only PaymentsDb.</summary>
public sealed record RefundCancelledOrder(Guid OrderId, string Reason);

/// <summary>A paid order was rejected or cancelled: the customer's money goes back, once.</summary>
public static class RefundCancelledOrderHandler
{
    /// <summary>
    /// Other modules handle OrderCancelled too (Catalog releases stock) and Wolverine may run them in one chain;
    /// taking no DbContext here keeps that chain's transaction on one database context.
    /// </summary>
    public static RefundCancelledOrder? Handle(OrderCancelled cancelled) =>
        cancelled.RefundDue ? new RefundCancelledOrder(cancelled.OrderId, cancelled.Reason) : null;

    public static async Task Handle(RefundCancelledOrder command, PaymentsDb db, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        // Only a Succeeded intent can start a refund; Refunding/Refunded means this ran before.
        var intent = await db.Intents.FirstOrDefaultAsync(p => p.OrderId == command.OrderId && p.Status == PaymentStatus.Succeeded, ct);
        if (intent is null)
        {
            return;
        }

        var (refund, submit) = Refunds.Start(intent, $"订单取消 (order cancelled): {command.Reason}", clock.GetUtcNow());
        db.Refunds.Add(refund);
        await bus.PublishAsync(submit);
    }
}
