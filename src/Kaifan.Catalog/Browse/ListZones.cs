using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Browse;

internal static class ListZones
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/zones", async (CatalogDb db, CancellationToken ct) =>
            {
                var zones = await db.Zones.AsNoTracking().ToListAsync(ct);
                return TypedResults.Ok(zones.OrderBy(z => z.Name, StringComparer.Ordinal).Select(z => z.ToView()).ToList());
            })
            .WithTags("Catalog")
            .AllowAnonymous();
}
