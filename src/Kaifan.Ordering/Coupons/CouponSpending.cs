using Kaifan.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

/// <summary>
/// Which coupon an order may spend, and giving it back. The coupon is loaded tracked: placement marks it spent in the
/// same SaveChanges as the order, and its Version makes that update conditional on nobody having spent it since.
/// </summary>
internal static class CouponSpending
{
    public const string Field = "couponId";

    /// <summary>Unknown and someone else's coupons look alike (404), as every unknown reference in an Ordering body does.</summary>
    public static async Task<(Coupon? Coupon, IResult? Error)> FindSpendableAsync(
        OrderingDb db, Guid customerId, Guid couponId, long itemsTotalFen, DateTimeOffset now, CancellationToken ct)
    {
        var coupon = await db.Coupons.SingleOrDefaultAsync(c => c.Id == couponId && c.CustomerId == customerId, ct);
        if (coupon is null)
        {
            return (null, OrderingProblems.NotFound("优惠券", Field));
        }

        return coupon.Status(now) switch
        {
            CouponStatus.Used => (null, AlreadyUsed()),
            CouponStatus.Expired => (null, OrderingProblems.Status(StatusCodes.Status409Conflict, "优惠券已过期 (the coupon has expired)", Field)),
            _ when itemsTotalFen < coupon.MinSpendFen => (null, OrderingProblems.Status(
                StatusCodes.Status422UnprocessableEntity,
                $"商品满¥{Fen.ToYuan(coupon.MinSpendFen)}才可使用此优惠券 (the items are below the coupon's minimum spend)",
                Field)),
            _ => (coupon, null),
        };
    }

    public static IResult AlreadyUsed() =>
        OrderingProblems.Status(StatusCodes.Status409Conflict, "优惠券已使用 (the coupon has been used)", Field);

    /// <summary>
    /// Called by every cancellation in the cancelling commit itself; a second call finds nothing to give back, so a
    /// repeated cancellation (or expiry after a cancel) returns the coupon once.
    /// </summary>
    public static async Task GiveBackAsync(OrderingDb db, Guid orderId, CancellationToken ct)
    {
        var spent = await db.Coupons.Where(c => c.UsedByOrderId == orderId && c.Used).ToListAsync(ct);
        foreach (var coupon in spent)
        {
            coupon.GiveBack();
        }
    }
}
