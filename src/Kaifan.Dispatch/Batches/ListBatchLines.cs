using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Batches;

/// <summary>GET /api/ops/zones/{zoneId}/batch-lines: the zone's campus batch lines (批次配送线路), with the orders each holds.</summary>
internal static class ListBatchLines
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/zones/{zoneId:guid}/batch-lines", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops batch lines")
            .Produces<List<BatchLineView>>();

    private static async Task<IResult> HandleAsync(Guid zoneId, DispatchDb db, [FromServices] ICatalogQueries catalog, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(zoneId, ct) is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var lines = await db.BatchLines.AsNoTracking().Where(l => l.ZoneId == zoneId).ToListAsync(ct);
        var held = await HeldBatchOrders.CountAsync(db, zoneId, lines, ct);
        return Results.Ok(lines.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => BatchLineView.From(l, held[l.Id])).ToList());
    }
}
