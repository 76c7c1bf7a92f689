namespace Kaifan.Contracts.Queries;

/// <summary>What a promotion may learn from Ordering of the coupons it granted.</summary>
public interface IPromotionCoupons
{
    /// <summary>
    /// Those of the coupons that were withdrawn (CouponWithdrawn reached them while unused). A coupon spent before its
    /// withdrawal arrived, or whose withdrawal is still on its way, is not among them.
    /// </summary>
    Task<IReadOnlySet<Guid>> WithdrawnAmongAsync(IReadOnlyCollection<Guid> couponIds, CancellationToken ct);
}
