using Kaifan.Contracts.Events;
using Kaifan.Ordering.Coupons;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// Every order keeps the arrival Tracking promised at acceptance, the 预计送达 the customer was shown: 催单 opens there.
/// 准时宝 is judged against the same promise, not an estimate of Ordering's own. The first promise wins: it is what the
/// customer was told, a redelivered or recomputed promise must not move the goalposts after the fact (a later one could
/// only excuse lateness), and Insights measures on-time against the first promise too, so the coupon and the on-time
/// rate agree.
/// </summary>
public static class DeliveryPromisedHandler
{
    public static async Task Handle(DeliveryPromised promised, OrderingDb db, CancellationToken ct)
    {
        var at = promised.PromisedAt.ToUniversalTime();

        // Version stays: an urge read before this lands was judged by checkout's quote, which the customer saw too.
        await db.Orders
            .Where(o => o.Id == promised.OrderId && o.DeliveryPromisedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveryPromisedAt, at), ct);

        // One conditional update: only a guaranteed, not cancelled order without a promise takes it. Version moves so a
        // delivery racing this update is refused and retried rather than judged against a promise it never saw. Only a
        // picked-up order can be in a delivery's hands: moving an earlier order's version would refuse the shop's 出餐
        // tapped while the promise was on its way (it lands milliseconds after 接单), for a change 出餐 does not read.
        var taken = await db.Orders
            .Where(o => o.Id == promised.OrderId && o.ServiceTier == ServiceTier.Guaranteed && o.PromisedAt == null && o.Status != OrderStatus.Cancelled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.PromisedAt, at)
                .SetProperty(o => o.Version, o => o.Status == OrderStatus.PickedUp ? o.Version + 1 : o.Version), ct);
        if (taken > 0)
        {
            // A promise that arrives after the delivery still decides the compensation.
            await GuaranteeCompensationHandler.IssueIfMissedAsync(db, promised.OrderId, ct);
        }
    }
}
