using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog;

/// <summary>What Ordering reads to price a cart: every item, with unlisted or sold-out ones flagged unavailable.</summary>
internal sealed class CatalogQueries(CatalogDb db, TimeProvider clock) : ICatalogQueries
{
    public async Task<MerchantQuote?> GetMerchantForOrderingAsync(Guid merchantId, CancellationToken ct)
    {
        var merchant = await db.Merchants.AsNoTracking().Include(m => m.OpeningSlots).FirstOrDefaultAsync(m => m.Id == merchantId, ct);
        if (merchant is null)
        {
            return null;
        }

        var items = await db.Items.AsNoTracking()
            .Include(i => i.OptionGroups).ThenInclude(g => g.Options)
            .Where(i => i.MerchantId == merchantId)
            .AsSplitQuery()
            .ToListAsync(ct);

        return new MerchantQuote(
            merchant.Id,
            merchant.Name,
            merchant.ZoneId,
            new GeoPoint(merchant.Lat, merchant.Lon),
            OpeningHours.IsOpen(merchant.IsPaused, merchant.OpeningSlots, OpeningHours.LocalNow(clock)),
            merchant.PackagingFeeFen,
            merchant.MinimumOrderFen,
            items.OrderBy(i => i.Sort).Select(i => new ItemQuote(
                i.Id,
                i.Name,
                i.PriceFen,
                i.Calories,
                i.IsListed && i.Stock != 0,
                i.Stock,
                i.OptionGroups.OrderBy(g => g.Sort).Select(g => new OptionGroupQuote(
                    g.Id,
                    g.Name,
                    g.Required,
                    g.MaxChoices,
                    g.Options.OrderBy(o => o.Sort).Select(o => new OptionQuote(o.Id, o.Name, o.PriceDeltaFen, o.CaloriesDelta)).ToList())).ToList())).ToList(),
            merchant.Promotions());
    }

    public async Task<ZoneQuote?> GetZoneAsync(Guid zoneId, CancellationToken ct) =>
        await db.Zones.AsNoTracking()
            .Where(z => z.Id == zoneId)
            .Select(z => new ZoneQuote(z.Id, z.Name, z.BaseDeliveryFeeFen, z.FeePerKmFen, z.FreeDistanceKm, z.MaxDistanceKm))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ZoneQuote>> ListZonesAsync(CancellationToken ct) =>
        await db.Zones.AsNoTracking()
            .Select(z => new ZoneQuote(z.Id, z.Name, z.BaseDeliveryFeeFen, z.FeePerKmFen, z.FreeDistanceKm, z.MaxDistanceKm))
            .ToListAsync(ct);
}
