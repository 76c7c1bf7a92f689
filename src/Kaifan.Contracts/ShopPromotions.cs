namespace Kaifan.Contracts;

/// <summary>满ThresholdFen减DiscountFen: an order whose items reach the threshold pays DiscountFen less.</summary>
public sealed record FullReductionTier(long ThresholdFen, long DiscountFen);

/// <summary>
/// A shop's own standing promotions as Catalog has them in force now (switched-off ones are empty): 满减 tiers in
/// rising order and 新客立减 (0 when none). Checkout prices from this; the shop cards, the shop page and the cart bar
/// show it, so the tier a customer is told about is the tier the server applies.
/// </summary>
public sealed record ShopPromotions(IReadOnlyList<FullReductionTier> FullReduction, long NewCustomerFen)
{
    public static readonly ShopPromotions None = new([], 0);

    /// <summary>The kinds an order's shop-discount lines and a card's badges are named by.</summary>
    public const string FullReductionKind = "fullReduction";
    public const string NewCustomerKind = "newCustomer";

    public bool Any => FullReduction.Count > 0 || NewCustomerFen > 0;

    /// <summary>The highest tier the items reach; packaging and delivery never count towards a threshold.</summary>
    public FullReductionTier? TierReached(long itemsFen) => FullReduction.Where(t => itemsFen >= t.ThresholdFen).MaxBy(t => t.ThresholdFen);

    /// <summary>The next tier above the items, for the cart bar's 再买¥X可减Y.</summary>
    public FullReductionTier? NextTier(long itemsFen) => FullReduction.Where(t => itemsFen < t.ThresholdFen).MinBy(t => t.ThresholdFen);
}
