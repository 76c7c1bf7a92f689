using Kaifan.Catalog.Model;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Catalog.Demo;

/// <summary>
/// The demo shops' own promotions, given once when the campus is seeded (never again, so a shop that clears its own
/// keeps them cleared): the noodle shop 满30减5 满50减12, the 香锅 满30减5 满60减15 (its 公告 says so), the tea shop
/// 新客立减¥3. <c>Kaifan:Demo:ShopPromotions</c> false leaves every shop without (the tests do, except the ones about
/// promotions: their totals assume menu prices).
/// </summary>
internal static class DemoShopPromotions
{
    private static readonly Dictionary<int, ((long Threshold, long Discount)[] Tiers, long NewCustomerFen)> Seeded = new()
    {
        [1] = ([(3000, 500), (5000, 1200)], 0),
        [2] = ([(3000, 500), (6000, 1500)], 0),
        [5] = ([], 300),
    };

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Kaifan:Demo:ShopPromotions", true);

    public static Merchant WithPromotions(this Merchant merchant, int shop)
    {
        if (Seeded.TryGetValue(shop, out var promotions))
        {
            merchant.ReductionTiers = promotions.Tiers.Select(t => new ReductionTier { ThresholdFen = t.Threshold, DiscountFen = t.Discount }).ToList();
            merchant.FullReductionOn = promotions.Tiers.Length > 0;
            merchant.NewCustomerFen = promotions.NewCustomerFen;
            merchant.NewCustomerOn = promotions.NewCustomerFen > 0;
        }

        return merchant;
    }
}
