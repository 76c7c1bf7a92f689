namespace Kaifan.Contracts.Queries;

/// <summary>What a promotion may learn from Ordering of the coupons it granted.</summary>
public interface IPromotionCoupons
{
    /// <summary>
    /// Those of the coupons that were withdrawn and are not spent. A coupon spent before its withdrawal arrived is not
    /// among them (until a cancelled order gives it back: then it is ended), nor one whose withdrawal is on its way.
    /// </summary>
    Task<IReadOnlySet<Guid>> WithdrawnAmongAsync(IReadOnlyCollection<Guid> couponIds, CancellationToken ct);
}
