using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// Ends a coupon a promotion took back, while it is unused: one conditional update that moves Version, so an order
/// spending it at this moment either committed first (the coupon stays spent) or fails its own update and is told
/// the coupon is gone. A withdrawal that overtook its grant waits for it a little; a redelivery changes nothing.
/// </summary>
public static class CouponWithdrawnHandler
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public static async Task<OutgoingMessages> Handle(CouponWithdrawn withdrawn, OrderingDb db, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        await db.Coupons
            .Where(c => c.Id == withdrawn.CouponId && c.CustomerId == withdrawn.CustomerId && !c.Used && c.ExpiresAt > withdrawn.WithdrawnAt)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.ExpiresAt, withdrawn.WithdrawnAt)
                    .SetProperty(c => c.WithdrawnAt, withdrawn.WithdrawnAt)
                    .SetProperty(c => c.Version, c => c.Version + 1),
                ct);
        if (withdrawn.Attempt < MaxAttempts && !await db.Coupons.AnyAsync(c => c.Id == withdrawn.CouponId, ct))
        {
            messages.Delay(withdrawn with { Attempt = withdrawn.Attempt + 1 }, Wait);
        }

        return messages;
    }
}
