using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Catalog.Demo;

/// <summary>
/// The demo shops' own promotions: the noodle shop 满30减5 满50减12, the 香锅 满30减5 满60减15 (its 公告 says so), the
/// tea shop 新客立减¥3. A shop that has promotions of its own (on or off) keeps them. <c>Kaifan:Demo:ShopPromotions</c>
/// false leaves every shop without (the tests do, except the ones about promotions: their totals assume menu prices).
/// </summary>
internal sealed class DemoShopPromotions(IConfiguration configuration) : IDemoSeeder
{
    private static readonly (int Shop, (long Threshold, long Discount)[] Tiers, long NewCustomerFen)[] Seeded =
    [
        (1, [(3000, 500), (5000, 1200)], 0),
        (2, [(3000, 500), (6000, 1500)], 0),
        (5, [], 300),
    ];

    public int Order => 12;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue("Kaifan:Demo:ShopPromotions", true))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        foreach (var (shop, tiers, newCustomerFen) in Seeded)
        {
            var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Id == DemoCampus.MerchantId(shop), ct);
            if (merchant is null || merchant.ReductionTiers.Count > 0 || merchant.NewCustomerFen > 0)
            {
                continue;
            }

            merchant.ReductionTiers = tiers.Select(t => new ReductionTier { ThresholdFen = t.Threshold, DiscountFen = t.Discount }).ToList();
            merchant.FullReductionOn = tiers.Length > 0;
            merchant.NewCustomerFen = newCustomerFen;
            merchant.NewCustomerOn = newCustomerFen > 0;
        }

        // Two hosts seeding at once write the same figures; the last write wins and equals the first.
        await db.SaveChangesAsync(ct);
    }
}
