using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Growth.Communities;

/// <summary>
/// The demo station runs 「东区宿舍群」 (join code DQSS88): a ¥4 无门槛 社群券 and 牛肉盖浇饭 at ¥15.90 instead of ¥19 at
/// the noodle shop, two portions an order, for a year from the first start.
/// </summary>
internal sealed class DemoCommunity : IDemoSeeder
{
    public const string Name = "东区宿舍群";
    public const string Code = "DQSS88";
    public const string DishName = "牛肉盖浇饭";

    public static readonly Guid Id = DemoCampus.Id("community:dongqu");

    public int Order => 52;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        if (await db.Communities.AnyAsync(c => c.Id == Id, ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Communities.Add(new Community
        {
            Id = Id, Name = Name, Description = "东区宿舍的饭友们：群内专享社群价和社群券，下楼就能取餐。", Code = Code, CreatedAt = now,
        });
        db.CommunityCouponPacks.Add(new CommunityCouponPack
        {
            Id = DemoCampus.Id("community:dongqu:coupons"), CommunityId = Id, AmountFen = 400, MinSpendFen = 0, Budget = 500, CouponDays = 7,
            StartsAt = now.AddDays(-1), EndsAt = now.AddYears(1), CreatedAt = now,
        });
        var shop = await scope.ServiceProvider.GetRequiredService<ICatalogQueries>().GetMerchantForOrderingAsync(DemoCampus.MerchantId(1), ct);
        if (shop?.Items.FirstOrDefault(i => i.Name == DishName) is { } dish)
        {
            db.CommunityPrices.Add(new CommunityPrice
            {
                Id = DemoCampus.Id("community:dongqu:price"), CommunityId = Id, MerchantId = shop.Id, MerchantName = shop.Name, ItemId = dish.Id,
                ItemName = dish.Name, ListPriceFen = dish.PriceFen, MemberPriceFen = 1590, LimitPerOrder = 2, StartsAt = now.AddDays(-1),
                EndsAt = now.AddYears(1), CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded it first.
        }
    }
}
