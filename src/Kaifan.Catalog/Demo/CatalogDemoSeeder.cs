using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Catalog.Demo;

/// <summary>Seeds 开饭大学's two zones and eight shops once; deterministic ids let other modules' seeds point at them.</summary>
internal sealed class CatalogDemoSeeder(IConfiguration configuration) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        if (await db.Zones.AnyAsync(z => z.Id == DemoCampus.ZoneId(1), ct))
        {
            return;
        }

        db.Zones.AddRange(DemoShops.Zones());
        var promotions = DemoShopPromotions.Enabled(configuration);
        foreach (var shop in DemoShops.All)
        {
            db.Merchants.Add(promotions ? shop.ToMerchant().WithPromotions(shop.Number) : shop.ToMerchant());
            var index = 0;
            for (var c = 0; c < shop.Categories.Length; c++)
            {
                var (categoryName, items) = shop.Categories[c];
                var categoryId = DemoMenu.CategoryId(shop.Number, c);
                db.Categories.Add(new Category { Id = categoryId, MerchantId = shop.Id, Name = categoryName, Sort = c });
                foreach (var dish in items)
                {
                    db.Items.Add(dish.ToItem(shop, categoryId, index++));
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host of the cluster seeded at the same moment; its rows are the same rows.
            db.ChangeTracker.Clear();
            if (!await db.Zones.AnyAsync(z => z.Id == DemoCampus.ZoneId(1), ct))
            {
                throw;
            }
        }
    }
}

/// <summary>Ids of seeded dishes: ItemId(merchant, k) is the k-th dish (from 0) in menu order.</summary>
internal static class DemoMenu
{
    public static Guid CategoryId(int merchant, int index) => DemoCampus.Id($"catalog:category:{merchant}:{index}");

    public static Guid ItemId(int merchant, int index) => DemoCampus.Id($"catalog:item:{merchant}:{index}");

    public static Guid GroupId(Guid itemId, int index) => DemoCampus.Id($"catalog:group:{itemId}:{index}");

    public static Guid OptionId(Guid groupId, int index) => DemoCampus.Id($"catalog:option:{groupId}:{index}");

    public static Guid SlotId(int merchant, DayOfWeek day, int index) => DemoCampus.Id($"catalog:slot:{merchant}:{day}:{index}");
}
