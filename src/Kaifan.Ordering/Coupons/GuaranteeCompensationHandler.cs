using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Events;
using Kaifan.Ordering.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// A guaranteed order delivered after its window's end earns one compensation coupon. The judgement needs both the
/// delivery and Tracking's promise, which arrive in either order, so both handlers ask; a repeat finds the coupon and
/// does nothing, and the unique OrderId turns a concurrent repeat into a no-op rather than a second payment.
/// </summary>
public static class GuaranteeCompensationHandler
{
    public const string Reason = "准时宝超时赔付 (late delivery compensation)";

    public static Task Handle(OrderDelivered delivered, OrderingDb db, CancellationToken ct) => IssueIfMissedAsync(db, delivered.OrderId, ct);

    internal static async Task IssueIfMissedAsync(OrderingDb db, Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is not { ServiceTier: ServiceTier.Guaranteed, PromisedAt: { } promised, DeliveredAt: { } at } || !Guarantee.Missed(promised, at))
        {
            return;
        }

        if (await db.Coupons.AnyAsync(c => c.OrderId == order.Id, ct))
        {
            return;
        }

        db.Coupons.Add(new Coupon
        {
            Id = Guid.CreateVersion7(at),
            CustomerId = order.CustomerId,
            OrderId = order.Id,
            AmountFen = Guarantee.CompensationFen,
            Reason = Reason,
            IssuedAt = at,
            ExpiresAt = at + Guarantee.CouponLifetime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The delivery's and the promise's handler judged at the same moment; the other one issued it. (Inside the
            // bus's transaction PostgreSQL then refuses the commit, and the retry finds the coupon.)
            db.ChangeTracker.Clear();
        }
    }
}
