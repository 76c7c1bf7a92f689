using Kaifan.Catalog.Model;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Browse;

internal sealed class ShopDirectory(CatalogDb db, TimeProvider clock) : IShopDirectory
{
    public async Task<IReadOnlyList<ShopSummary>> ListZoneShopsAsync(Guid zoneId, CancellationToken ct)
    {
        var merchants = await db.Merchants.AsNoTracking().Include(m => m.OpeningSlots).Where(m => m.ZoneId == zoneId).ToListAsync(ct);
        var local = OpeningHours.LocalNow(clock);
        return merchants
            .Select(m => new ShopSummary(m.Id, m.Name, m.LogoEmoji, m.Rating, m.MonthlySales, OpeningHours.IsOpen(m.IsPaused, m.OpeningSlots, local)))
            .ToList();
    }
}
