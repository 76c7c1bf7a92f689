using Kaifan.Contracts;

namespace Kaifan.Ordering.Pricing;

internal sealed record ShopDiscountLine(string Kind, string Label, long AmountFen);

/// <summary>
/// The shop's discounts on a cart, applied before any coupon: the highest 满减 tier the items subtotal reaches (menu
/// and 社群 prices of the dishes; packaging and delivery never count), then 新客立减 when the customer is new here.
/// Together they never exceed the items subtotal, so fees are always paid in full.
/// </summary>
internal static class ShopDiscounts
{
    public static IReadOnlyList<ShopDiscountLine> Apply(ShopPromotions promotions, long itemsFen, bool newCustomer)
    {
        var lines = new List<ShopDiscountLine>();
        if (promotions.TierReached(itemsFen) is { } tier)
        {
            lines.Add(new(ShopPromotions.FullReductionKind, $"满{Fen.ToYuan(tier.ThresholdFen)}减{Fen.ToYuan(tier.DiscountFen)}", Math.Min(tier.DiscountFen, itemsFen)));
        }

        var left = itemsFen - lines.Sum(l => l.AmountFen);
        if (newCustomer && promotions.NewCustomerFen > 0 && left > 0)
        {
            lines.Add(new(ShopPromotions.NewCustomerKind, "新客立减", Math.Min(promotions.NewCustomerFen, left)));
        }

        return lines;
    }
}
