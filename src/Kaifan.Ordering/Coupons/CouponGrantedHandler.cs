using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// Issues the coupon a promotion granted; the grant's id is the coupon's, so a redelivery finds it and stops. A
/// withdrawal that arrived first left the coupon's row awaiting this grant: the grant fills it in, and the coupon is
/// born withdrawn however late the grant comes.
/// </summary>
public static class CouponGrantedHandler
{
    public static async Task Handle(CouponGranted granted, OrderingDb db, CancellationToken ct)
    {
        var existing = await db.Coupons.AsNoTracking()
            .Where(c => c.Id == granted.CouponId)
            .Select(c => new { c.GrantPending, c.ExpiresAt })
            .SingleOrDefaultAsync(ct);
        if (existing is { GrantPending: true })
        {
            var expiresAt = granted.ExpiresAt < existing.ExpiresAt ? granted.ExpiresAt : existing.ExpiresAt;
            await db.Coupons.Where(c => c.Id == granted.CouponId && c.GrantPending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.GrantPending, false)
                        .SetProperty(c => c.AmountFen, granted.AmountFen)
                        .SetProperty(c => c.MinSpendFen, granted.MinSpendFen)
                        .SetProperty(c => c.Reason, granted.Reason)
                        .SetProperty(c => c.IssuedAt, granted.IssuedAt)
                        .SetProperty(c => c.ExpiresAt, expiresAt)
                        .SetProperty(c => c.Version, c => c.Version + 1),
                    ct);
            return;
        }

        if (existing is not null)
        {
            return;
        }

        db.Coupons.Add(new Coupon
        {
            Id = granted.CouponId,
            CustomerId = granted.CustomerId,
            AmountFen = granted.AmountFen,
            MinSpendFen = granted.MinSpendFen,
            Reason = granted.Reason,
            IssuedAt = granted.IssuedAt,
            ExpiresAt = granted.ExpiresAt,
        });
        // A parallel delivery of the same grant, or its withdrawal, may store the row at this moment: the key then
        // refuses this one, and the bus's retry finds the row (and fills it in if it is the withdrawal's).
        await db.SaveChangesAsync(ct);
    }
}
