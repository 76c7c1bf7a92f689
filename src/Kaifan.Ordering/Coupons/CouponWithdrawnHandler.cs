using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// Ends a coupon a promotion took back. One conditional update: an unused coupon ends now and its Version moves, so an
/// order spending it at this moment either committed first (the coupon stays spent) or fails its own update and is
/// told the coupon is gone; a spent one only records the withdrawal (its Version kept, so a cancellation giving it
/// back at this moment still commits), and once given back it stays ended. PostgreSQL re-reads the row for the update
/// after a writer holding it commits, so the update's choice follows whoever came first. A withdrawal ahead of its
/// grant is stored as the coupon's row awaiting the grant; a redelivery changes nothing.
/// </summary>
public static class CouponWithdrawnHandler
{
    public static async Task Handle(CouponWithdrawn withdrawn, OrderingDb db, CancellationToken ct)
    {
        if (await RecordAsync(withdrawn, db, ct) > 0)
        {
            return;
        }

        if (await db.Coupons.AnyAsync(c => c.Id == withdrawn.CouponId, ct))
        {
            // Already withdrawn (a redelivery), or the grant committed just after the update looked: record it now.
            await RecordAsync(withdrawn, db, ct);
            return;
        }

        // The grant has not arrived. Should it commit at this moment, the key refuses this row (PostgreSQL waits for
        // the grant's commit first), and the bus's retry finds the coupon and ends it as above.
        db.Coupons.Add(Coupon.AwaitingGrant(withdrawn.CouponId, withdrawn.CustomerId, withdrawn.Reason, withdrawn.WithdrawnAt));
        await db.SaveChangesAsync(ct);
    }

    private static Task<int> RecordAsync(CouponWithdrawn withdrawn, OrderingDb db, CancellationToken ct)
    {
        var at = withdrawn.WithdrawnAt;
        return db.Coupons
            .Where(c => c.Id == withdrawn.CouponId && c.CustomerId == withdrawn.CustomerId && c.WithdrawnAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.WithdrawnAt, at)
                    .SetProperty(c => c.ExpiresAt, c => c.Used || c.ExpiresAt <= at ? c.ExpiresAt : at)
                    .SetProperty(c => c.Version, c => c.Used ? c.Version : c.Version + 1),
                ct);
    }
}
