using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Lockers;

/// <summary>
/// DELETE /api/ops/zones/{zoneId}/lockers/{lockerId}: checkout stops offering the locker. Orders already sent to it are
/// not refused or touched: each carries the locker's name and position, and the rider delivers into it by that name.
/// </summary>
internal static class RemoveLocker
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/ops/zones/{zoneId:guid}/lockers/{lockerId:guid}", HandleAsync).RequireAuthorization(Roles.Operator)
            .WithTags("Ops lockers").Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(Guid zoneId, Guid lockerId, CatalogDb db, CancellationToken ct)
    {
        if (!await db.Zones.AnyAsync(z => z.Id == zoneId, ct))
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var removed = await db.Lockers.Where(l => l.Id == lockerId && l.ZoneId == zoneId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Problems.NotFound("外卖柜 (locker)") : Results.NoContent();
    }
}
