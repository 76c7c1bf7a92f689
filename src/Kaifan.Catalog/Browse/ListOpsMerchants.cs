using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Browse;

/// <summary>A shop on the operator's zone map and merchants list.</summary>
internal sealed record OpsMerchantView(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Latitude, double Longitude, bool IsOpenNow, bool IsPaused, double Rating, int MonthlySales);

/// <summary>GET /api/ops/merchants?zoneId=: every shop (of one zone when named) with its position and open state, for operators.</summary>
internal static class ListOpsMerchants
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/merchants", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops merchants")
            .Produces<List<OpsMerchantView>>();

    private static async Task<IResult> HandleAsync(Guid? zoneId, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var zones = await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Id, ct);
        var merchants = db.Merchants.AsNoTracking().Include(m => m.OpeningSlots).AsQueryable();
        if (zoneId is { } only)
        {
            merchants = merchants.Where(m => m.ZoneId == only);
        }

        var local = OpeningHours.LocalNow(clock);
        var rows = (await merchants.OrderBy(m => m.Id).Take(1000).ToListAsync(ct))
            .Where(m => zones.ContainsKey(m.ZoneId))
            .Select(m => (Merchant: m, Card: m.ToCard(zones[m.ZoneId], 0, local)))
            .OrderBy(r => r.Merchant.Name, StringComparer.Ordinal)
            .Select(r => new OpsMerchantView(
                r.Merchant.Id, r.Merchant.ZoneId, r.Merchant.Name, r.Card.LogoEmoji, r.Merchant.Lat, r.Merchant.Lon, r.Card.IsOpenNow, r.Card.IsPaused, r.Card.Rating, r.Card.MonthlySales))
            .ToList();
        return Results.Ok(rows);
    }
}
