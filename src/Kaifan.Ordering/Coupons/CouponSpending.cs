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
            CouponStatus.Withdrawn => (null, Withdrawn()),
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

    /// <summary>Taken back by the promotion that granted it (邀请有礼: the friend was not new); neither used nor simply out of date.</summary>
    public static IResult Withdrawn() =>
        OrderingProblems.Status(StatusCodes.Status409Conflict, "该红包已失效 (the coupon is no longer valid)", Field);

    /// <summary>
    /// An order lost the coupon's Version between choosing it and saving: another order spent it, or its promotion
    /// withdrew it at that moment. Read after the rollback, so the customer is told which.
    /// </summary>
    public static async Task<IResult> LostAsync(OrderingDb db, Guid couponId, CancellationToken ct)
    {
        var lost = await db.Coupons.AsNoTracking().Where(c => c.Id == couponId).Select(c => new { c.Used, c.WithdrawnAt }).SingleOrDefaultAsync(ct);
        return lost is { Used: false, WithdrawnAt: not null } ? Withdrawn() : AlreadyUsed();
    }

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
