namespace Kaifan.Contracts.Events;

/// <summary>
/// A promotion (口令红包, 邀请有礼, 砍价, 大转盘 …) earned a customer a coupon; Ordering keeps the customer's coupons and
/// issues it with CouponId as its id, so a redelivered grant is one coupon. MinSpendFen 0 means 无门槛; Reason is
/// shown on the coupon (at most 100 characters).
/// </summary>
public sealed record CouponGranted(
    Guid CouponId, Guid CustomerId, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
