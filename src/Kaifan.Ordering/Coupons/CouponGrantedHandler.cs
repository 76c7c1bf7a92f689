using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>Issues the coupon a promotion granted; the grant's id is the coupon's, so a redelivery finds it and stops.</summary>
public static class CouponGrantedHandler
{
    public static async Task Handle(CouponGranted granted, OrderingDb db, CancellationToken ct)
    {
        if (await db.Coupons.AnyAsync(c => c.Id == granted.CouponId, ct))
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel delivery of the same grant issued it.
            db.ChangeTracker.Clear();
        }
    }
}
