using Kaifan.Contracts;

namespace Kaifan.Web.Components.Customer.Parts;

/// <summary>
/// How customers read a shop's own promotions (the API's ShopPromotions): the card's 减 and 新 badges, the shop
/// header's "满30减5 满50减12 新客立减¥3" and the cart bar's next tier, "再买¥8可减12", from the tier rule checkout applies.
/// </summary>
public static class ShopPromotionText
{
    public const string FullReduction = "fullReduction";
    public const string NewCustomer = "newCustomer";

    /// <summary>The shop's own badges first, then Growth's campaigns (拼, 砍, 预, 返).</summary>
    public static IReadOnlyList<string> Badges(ShopPromotions? promotions, IReadOnlyList<string>? campaigns) =>
    [
        .. promotions is { FullReduction.Count: > 0 } ? [FullReduction] : Array.Empty<string>(),
        .. promotions is { NewCustomerFen: > 0 } ? [NewCustomer] : Array.Empty<string>(),
        .. campaigns ?? [],
    ];

    public static IReadOnlyList<string> Tiers(ShopPromotions? promotions) =>
        promotions?.FullReduction.Select(t => $"满{Fen.ToYuan(t.ThresholdFen)}减{Fen.ToYuan(t.DiscountFen)}").ToList() ?? [];

    /// <summary>What the next tier asks for and gives, or null when the top tier is reached (or there are none).</summary>
    public static (long MoreFen, long DiscountFen)? Next(ShopPromotions? promotions, long itemsFen) =>
        promotions?.NextTier(itemsFen) is { } tier ? (tier.ThresholdFen - itemsFen, tier.DiscountFen) : null;
}
