using Kaifan.Contracts.Events;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Ordering.Presales;

/// <summary>
/// A 预售接龙 chain's decisions reach its orders. Left, cancelled or stopped by the shop (商家已停止接龙): the order is cancelled and, when paid, refunded
/// through OrderCancelled like any cancelled paid order. Confirmed: the paid orders stay held, marked 已成团, and any
/// still unpaid (or paid too late to be counted) are cancelled. Released: the held orders go to the merchant at once,
/// each announced with OrderPaid (the new-order alert). Orders already moved are skipped, so a redelivery changes nothing.
/// </summary>
public static class PresaleOutcomeHandler
{
    public static async Task<OutgoingMessages> Handle(PresaleLeft left, OrderingDb db, CancellationToken ct) =>
        await CancelAsync(db, [left.OrderId], Order.PresaleLeftReason, CancelledBy.Customer, left.LeftAt, ct);

    public static async Task<OutgoingMessages> Handle(PresaleCancelled cancelled, OrderingDb db, CancellationToken ct) => cancelled.StoppedBy switch
    {
        null => await CancelAsync(db, cancelled.OrderIds, Order.PresaleCancelledReason, CancelledBy.System, cancelled.CancelledAt, ct),
        PresaleCancelled.ByOperator => await CancelAsync(db, cancelled.OrderIds, Order.PresaleStoppedReason, CancelledBy.Operator, cancelled.CancelledAt, ct),
        _ => await CancelAsync(db, cancelled.OrderIds, Order.PresaleStoppedReason, CancelledBy.Merchant, cancelled.CancelledAt, ct),
    };

    public static async Task<OutgoingMessages> Handle(PresaleConfirmed confirmed, OrderingDb db, CancellationToken ct)
    {
        var orders = await db.Orders.Where(o => confirmed.OrderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var order in orders)
        {
            order.ConfirmPresale(confirmed.ConfirmedAt);
        }

        return await CancelAsync(db, confirmed.UnpaidOrderIds, Order.PresaleClosedUnpaidReason, CancelledBy.System, confirmed.ConfirmedAt, ct);
    }

    public static async Task<OutgoingMessages> Handle(PresaleReleased released, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var orders = await db.Orders.Where(o => released.OrderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var order in orders.Where(o => o.ReleasePresale(released.ReleasedAt).Done))
        {
            messages.Add(new OrderPaid(order.Id, order.MerchantId, released.ReleasedAt));
        }

        return messages;
    }

    private static async Task<OutgoingMessages> CancelAsync(
        OrderingDb db, IReadOnlyList<Guid> orderIds, string reason, CancelledBy by, DateTimeOffset at, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var orders = await db.Orders.Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var order in orders.Where(o => o.CancelPresale(reason, by, at).Done))
        {
            messages.Add(new OrderCancelled(order.Id, order.MerchantId, reason, order.RefundDue, at));
        }

        return messages;
    }
}
