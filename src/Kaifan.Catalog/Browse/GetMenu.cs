using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Browse;

/// <summary>The merchant page: header, then listed dishes grouped by category.</summary>
internal static class GetMenu
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/merchants/{merchantId:guid}/menu", async (Guid merchantId, CatalogDb db, TimeProvider clock, CancellationToken ct) =>
                await LoadAsync(db, merchantId, includeUnlisted: false, clock, ct) is { } menu
                    ? Results.Ok(menu)
                    : Problems.NotFound("商家 (merchant)"))
            .WithTags("Catalog")
            .AllowAnonymous();

    public static async Task<MenuView?> LoadAsync(CatalogDb db, Guid merchantId, bool includeUnlisted, TimeProvider clock, CancellationToken ct)
    {
        var merchant = await db.Merchants.AsNoTracking().Include(m => m.OpeningSlots).FirstOrDefaultAsync(m => m.Id == merchantId, ct);
        if (merchant is null)
        {
            return null;
        }

        var zone = await db.Zones.AsNoTracking().FirstAsync(z => z.Id == merchant.ZoneId, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.MerchantId == merchantId).ToListAsync(ct);
        var items = await db.Items.AsNoTracking()
            .Include(i => i.OptionGroups).ThenInclude(g => g.Options)
            .Where(i => i.MerchantId == merchantId && (includeUnlisted || i.IsListed))
            .AsSplitQuery()
            .ToListAsync(ct);

        var local = OpeningHours.LocalNow(clock);
        var menu = Views.ToCategories(categories, items);

        // Customers see no empty shelves; the console shows them so staff can fill them.
        return new MenuView(merchant.ToHeader(zone, local), includeUnlisted ? menu : menu.Where(c => c.Items.Count > 0).ToList());
    }
}
