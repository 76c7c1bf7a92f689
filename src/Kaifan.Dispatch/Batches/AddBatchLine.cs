using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Batches;

/// <summary>POST /api/ops/zones/{zoneId}/batch-lines: the operator opens a line; checkout offers it at once.</summary>
internal static class AddBatchLine
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/zones/{zoneId:guid}/batch-lines", HandleAsync)
            .Validate<BatchLineRequest>()
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops batch lines")
            .Produces<BatchLineView>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(
        Guid zoneId, BatchLineRequest request, DispatchDb db, [FromServices] ICatalogQueries catalog, ZoneBatchLines cache, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(zoneId, ct) is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var line = new BatchLine
        {
            Id = Guid.CreateVersion7(),
            ZoneId = zoneId,
            Name = request.Name!.Trim(),
            CentreLatitude = request.Latitude!.Value,
            CentreLongitude = request.Longitude!.Value,
            RadiusMetres = request.RadiusMetres!.Value,
            Departures = request.StoredDepartures(),
        };
        db.BatchLines.Add(line);
        await db.SaveChangesAsync(ct);
        cache.Forget(zoneId);
        var held = await HeldBatchOrders.CountAsync(db, zoneId, [line], ct);
        return Results.Created($"/api/ops/zones/{zoneId}/batch-lines/{line.Id}", BatchLineView.From(line, held[line.Id]));
    }
}
