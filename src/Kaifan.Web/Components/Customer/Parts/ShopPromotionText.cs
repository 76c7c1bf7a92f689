using Kaifan.Contracts;

namespace Kaifan.Web.Components.Customer.Parts;

/// <summary>
/// How customers read a shop's own promotions (the API's ShopPromotions): the card's 减 and 新 badges, the shop
/// header's "满30减5 满50减12 新客立减¥3" and the cart bar's next tier, "再买¥8可减12", from the tier rule checkout applies.
/// </summary>
public static class ShopPromotionText
{
    /// <summary>The shop's own badges first, then Growth's campaigns (拼, 砍, 预, 返).</summary>
    public static IReadOnlyList<string> Badges(ShopPromotions? promotions, IReadOnlyList<string>? campaigns) =>
    [
        .. promotions is { FullReduction.Count: > 0 } ? [ShopPromotions.FullReductionKind] : Array.Empty<string>(),
        .. promotions is { NewCustomerFen: > 0 } ? [ShopPromotions.NewCustomerKind] : Array.Empty<string>(),
        .. campaigns ?? [],
    ];

    /// <summary>Each tier in the culture's words: <paramref name="format"/> is 满{0}减{1} in Chinese.</summary>
    public static IReadOnlyList<string> Tiers(ShopPromotions? promotions, string format) =>
        promotions?.FullReduction.Select(t => string.Format(format, Fen.ToYuan(t.ThresholdFen), Fen.ToYuan(t.DiscountFen))).ToList() ?? [];

    /// <summary>What the next tier asks for and gives, or null when the top tier is reached (or there are none).</summary>
    public static (long MoreFen, long DiscountFen)? Next(ShopPromotions? promotions, long itemsFen) =>
        promotions?.NextTier(itemsFen) is { } tier ? (tier.ThresholdFen - itemsFen, tier.DiscountFen) : null;
}
