namespace Kaifan.Contracts.Events;

/// <summary>
/// A promotion (口令红包, 邀请有礼, 砍价, 大转盘 …) earned a customer a coupon; Ordering keeps the customer's coupons and
/// issues it with CouponId as its id, so a redelivered grant is one coupon. MinSpendFen 0 means 无门槛; Reason is
/// shown on the coupon (at most 100 characters).
/// </summary>
public sealed record CouponGranted(
    Guid CouponId, Guid CustomerId, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// A promotion takes back a coupon it granted (邀请有礼: the friend turned out not to be new). Ordering ends it now
/// (我的优惠券 and checkout say 已失效); a coupon already spent stays spent, and ends if its order is cancelled and
/// gives it back. A withdrawal may reach Ordering before its grant, however long before: the grant then issues the
/// coupon already withdrawn.
/// </summary>
public sealed record CouponWithdrawn(Guid CouponId, Guid CustomerId, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>A 拼团 order was paid (Ordering holds it as 待成团); Growth counts the group's paid seats.</summary>
public sealed record GroupOrderPaid(Guid GroupId, Guid OrderId, DateTimeOffset PaidAt);

/// <summary>
/// The group's last seat was paid: every order in OrderIds goes to the merchant now, together. Ordering moves each
/// from 待成团 to 等待商家接单 once; a redelivery finds them moved.
/// </summary>
public sealed record GroupFormed(Guid GroupId, Guid DealId, Guid MerchantId, IReadOnlyList<Guid> OrderIds, DateTimeOffset FormedAt);

/// <summary>
/// The group's window ended before it filled: Ordering cancels every order in OrderIds that is still unpaid or 待成团,
/// and a paid one is refunded through the usual OrderCancelled path.
/// </summary>
public sealed record GroupFailed(Guid GroupId, Guid DealId, IReadOnlyList<Guid> OrderIds, DateTimeOffset FailedAt);

/// <summary>
/// A paid member left the group before it formed (退出拼团): their seat is free again. Ordering cancels the 待成团 order
/// and the usual OrderCancelled path refunds it.
/// </summary>
public sealed record GroupLeft(Guid GroupId, Guid OrderId, DateTimeOffset LeftAt);

/// <summary>A 预售接龙 order was paid (Ordering holds it as 预售中); Growth counts it in the chain.</summary>
public sealed record PresaleOrderPaid(Guid PresaleId, Guid OrderId, DateTimeOffset PaidAt);

/// <summary>The customer left the chain before its cut-off: Ordering cancels the order and the usual path refunds it.</summary>
public sealed record PresaleLeft(Guid PresaleId, Guid OrderId, DateTimeOffset LeftAt);

/// <summary>
/// The cut-off came with the minimum reached: the paid orders in OrderIds stay held (已成团 · 确认配送) until the
/// release; any order of the chain still unpaid is cancelled.
/// </summary>
public sealed record PresaleConfirmed(Guid PresaleId, IReadOnlyList<Guid> OrderIds, IReadOnlyList<Guid> UnpaidOrderIds, DateTimeOffset ConfirmedAt);

/// <summary>
/// The cut-off came short of the minimum, or the chain was stopped (StoppedBy "merchant" or "operator", 停止接龙):
/// every order in OrderIds is cancelled and the paid ones refunded.
/// </summary>
public sealed record PresaleCancelled(Guid PresaleId, IReadOnlyList<Guid> OrderIds, DateTimeOffset CancelledAt, string? StoppedBy = null)
{
    public const string ByMerchant = "merchant";
    public const string ByOperator = "operator";
}

/// <summary>Delivery day, the slot's start minus the shop's prep time: the held orders reach the merchant together.</summary>
public sealed record PresaleReleased(Guid PresaleId, Guid MerchantId, IReadOnlyList<Guid> OrderIds, DateTimeOffset ReleasedAt);
