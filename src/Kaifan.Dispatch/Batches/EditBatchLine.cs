using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Batches;

/// <summary>
/// PUT /api/ops/zones/{zoneId}/batch-lines/{lineId}: the operator renames, moves or reschedules a line. New orders see
/// it at once; orders already held for a run keep it (dispatch_jobs.hold_until, promised at acceptance).
/// </summary>
internal static class EditBatchLine
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/ops/zones/{zoneId:guid}/batch-lines/{lineId:guid}", HandleAsync)
            .Validate<BatchLineRequest>()
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops batch lines")
            .Produces<BatchLineView>();

    private static async Task<IResult> HandleAsync(
        Guid zoneId, Guid lineId, BatchLineRequest request, DispatchDb db, ZoneBatchLines cache, CancellationToken ct)
    {
        var line = await db.BatchLines.SingleOrDefaultAsync(l => l.Id == lineId && l.ZoneId == zoneId, ct);
        if (line is null)
        {
            return Problems.NotFound("批次配送线路 (batch line)");
        }

        line.Name = request.Name!.Trim();
        line.CentreLatitude = request.Latitude!.Value;
        line.CentreLongitude = request.Longitude!.Value;
        line.RadiusMetres = request.RadiusMetres!.Value;
        line.Departures = request.StoredDepartures();
        await db.SaveChangesAsync(ct);
        cache.Forget(zoneId);
        var held = await HeldBatchOrders.CountAsync(db, zoneId, [line], ct);
        return Results.Ok(BatchLineView.From(line, held[line.Id]));
    }
}
