using Kaifan.Contracts.Events;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Ordering.GroupBuys;

/// <summary>
/// A 拼团 group's outcome reaches its orders. Formed: every 待成团 order goes to the merchant at once, each announced
/// with OrderPaid (the merchant's new-order alert) at the moment it reached them. Failed: every order still unpaid or
/// 待成团 is cancelled; a paid one is refunded through OrderCancelled as any cancelled paid order is. Left (退出拼团):
/// the leaver's 待成团 order is cancelled and refunded the same way. Orders already moved are skipped, so a redelivery
/// changes nothing.
/// </summary>
public static class GroupOutcomeHandler
{
    public static async Task<OutgoingMessages> Handle(GroupFormed formed, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var orders = await db.Orders.Where(o => formed.OrderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var order in orders.Where(o => o.FormGroup(formed.FormedAt).Done))
        {
            messages.Add(new OrderPaid(order.Id, order.MerchantId, formed.FormedAt));
        }

        return messages;
    }

    public static async Task<OutgoingMessages> Handle(GroupFailed failed, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var orders = await db.Orders.Where(o => failed.OrderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var order in orders.Where(o => o.FailGroup(failed.FailedAt).Done))
        {
            await CouponSpending.GiveBackAsync(db, order.Id, ct);
            messages.Add(new OrderCancelled(order.Id, order.MerchantId, Order.GroupFailedReason, order.RefundDue, failed.FailedAt));
        }

        return messages;
    }

    public static async Task<OutgoingMessages> Handle(GroupLeft left, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == left.OrderId, ct);
        if (order is not null && order.LeaveGroup(left.LeftAt).Done)
        {
            await CouponSpending.GiveBackAsync(db, order.Id, ct);
            messages.Add(new OrderCancelled(order.Id, order.MerchantId, Order.GroupLeftReason, order.RefundDue, left.LeftAt));
        }

        return messages;
    }
}
