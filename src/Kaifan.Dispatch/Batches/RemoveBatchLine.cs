using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Batches;

/// <summary>
/// DELETE /api/ops/zones/{zoneId}/batch-lines/{lineId}: new orders no longer get the batch option there; orders already
/// held for one of its runs still leave with it (their hold is the job's, not the line's).
/// </summary>
internal static class RemoveBatchLine
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapDelete("/api/ops/zones/{zoneId:guid}/batch-lines/{lineId:guid}", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops batch lines")
            .Produces(StatusCodes.Status204NoContent);

    private static async Task<IResult> HandleAsync(Guid zoneId, Guid lineId, DispatchDb db, ZoneBatchLines cache, CancellationToken ct)
    {
        if (await db.BatchLines.Where(l => l.Id == lineId && l.ZoneId == zoneId).ExecuteDeleteAsync(ct) == 0)
        {
            return Problems.NotFound("批次配送线路 (batch line)");
        }

        cache.Forget(zoneId);
        return Results.NoContent();
    }
}
